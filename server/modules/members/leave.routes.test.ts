import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuddySuggestions } from '../../../common/contracts/buddies.ts';
import type { Directory, Profile } from '../../../common/contracts/profiles.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';

const day = (fromToday: number) => isoNow(Date.now() + fromToday * DAY).slice(0, 10);

describe.each(DIALECTS)('on leave until a day, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('sets and clears the leave, shows it in the directory and profile, refuses bad days', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const user = await buildUser(t.ctx, { displayName: 'Lena Away' });
    const mentor = await signIn(t.app, await buildMember(t.ctx, network, { user, level: 'experienced' }));
    const url = `/api/networks/${network.slug}/members/me/leave`;

    const set = await mentor.request('PUT', url, { until: day(14) });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ leaveUntil: day(14) });
    expect((await mentor.get(url)).json()).toEqual({ leaveUntil: day(14) });

    const directory = (await meta.get(`/api/networks/${network.slug}/directory`)).json() as Directory;
    const entry = directory.entries.find((e) => e.userId === user.id);
    expect(entry?.leaveUntil).toBe(day(14));
    expect(directory.entries.filter((e) => e.userId !== user.id).every((e) => e.leaveUntil === null)).toBe(
      true,
    );
    const profile = (await meta.get(`/api/users/${user.id}/profile`)).json() as Profile;
    expect(profile.leaveUntil).toBe(day(14));

    // Today is allowed, the past and more than a year ahead are not, nor what is no day at all.
    expect((await mentor.request('PUT', url, { until: day(0) })).statusCode).toBe(200);
    for (const until of [day(-1), day(400)]) {
      const res = await mentor.request('PUT', url, { until });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('LEAVE_DATE_INVALID');
    }
    for (const until of ['2026-02-30', 'soon', 12]) {
      const res = await mentor.request('PUT', url, { until });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }

    const cleared = await mentor.request('PUT', url, { until: null });
    expect(cleared.json()).toEqual({ leaveUntil: null });
    expect((await mentor.get(url)).json()).toEqual({ leaveUntil: null });
    const after = (await meta.get(`/api/networks/${network.slug}/directory`)).json() as Directory;
    expect(after.entries.find((e) => e.userId === user.id)?.leaveUntil).toBeNull();
    expect(((await meta.get(`/api/users/${user.id}/profile`)).json() as Profile).leaveUntil).toBeNull();
  });

  it('leaves members on leave out of the buddy suggestions', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const beginner = await buildMember(t.ctx, network, { level: 'beginner' });
    const away = await buildUser(t.ctx, { displayName: 'Away Mentor' });
    const here = await buildUser(t.ctx, { displayName: 'Present Mentor' });
    const awayClient = await signIn(
      t.app,
      await buildMember(t.ctx, network, { user: away, level: 'experienced' }),
    );
    await buildMember(t.ctx, network, { user: here, level: 'experienced' });
    await saveProfileAs(awayClient, { openToBuddy: true });
    const suggested = async () =>
      (
        (
          await meta.get(`/api/networks/${network.slug}/buddies/suggestions?for=${beginner.id}`)
        ).json() as BuddySuggestions
      ).suggestions.map((s) => s.mentor.id);
    expect(await suggested()).toEqual([away.id, here.id]);
    await awayClient.request('PUT', `/api/networks/${network.slug}/members/me/leave`, { until: day(3) });
    expect(await suggested()).toEqual([here.id]);
  });
});
