import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuddyPair, BuddySuggestions } from '../../../common/contracts/buddies.ts';
import type { SuggestedHelpers } from '../../../common/contracts/help-requests.ts';
import type { Directory } from '../../../common/contracts/profiles.ts';
import type { VolunteerRecord } from '../../../common/contracts/volunteer-records.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildPair, notificationsOf, saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { addMonths } from './status.service.ts';

const day = (fromToday: number) => isoNow(Date.now() + fromToday * DAY).slice(0, 10);

describe('retention arithmetic', () => {
  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe.each(DIALECTS)('volunteer status on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function setting() {
    const network = await buildNetwork(t.ctx);
    const officeUser = await buildMember(t.ctx, network, { role: 'office' });
    const office = await signIn(t.app, officeUser);
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const meta = await signIn(t.app, metaUser);
    const record = (userId: string) => `/api/networks/${network.slug}/members/${userId}/record`;
    return { network, office, officeUser, meta, metaUser, record };
  }

  it('hides a member on leave from helper and buddy suggestions, shows it in the directory, and one action brings them back', async () => {
    const { network, office, meta, record } = await setting();
    const slug = network.slug;
    const beginner = await buildMember(t.ctx, network, {
      level: 'beginner',
      user: await buildUser(t.ctx, { displayName: 'Nadia New' }),
    });
    const away = await buildUser(t.ctx, { displayName: 'Ali Away' });
    const here = await buildUser(t.ctx, { displayName: 'Hana Here' });
    const awayClient = await signIn(
      t.app,
      await buildMember(t.ctx, network, { user: away, level: 'experienced' }),
    );
    const hereClient = await signIn(
      t.app,
      await buildMember(t.ctx, network, { user: here, level: 'experienced' }),
    );
    for (const client of [awayClient, hereClient]) {
      await saveProfileAs(client, { openToBuddy: true, expertise: ['housing'], languages: ['de'] });
    }
    const requestId = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: beginner.id });
    const beginnerClient = await signIn(t.app, beginner);

    const buddies = async () =>
      (
        (
          await meta.get(`/api/networks/${slug}/buddies/suggestions?for=${beginner.id}`)
        ).json() as BuddySuggestions
      ).suggestions.map((s) => s.mentor.id);
    const helpers = async () => {
      const res = await beginnerClient.get(
        `/api/networks/${slug}/help-requests/${requestId}/suggested-helpers`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as SuggestedHelpers).helpers.map((h) => h.helper.id);
    };
    const directoryLeave = async () =>
      ((await meta.get(`/api/networks/${slug}/directory`)).json() as Directory).entries.find(
        (e) => e.userId === away.id,
      )?.leaveUntil;

    expect(await buddies()).toContain(away.id);
    expect(await helpers()).toContain(away.id);

    // A member cannot set someone's leave; the office can, within today … a year.
    expect(errorCode(await hereClient.request('PUT', `${record(away.id)}/leave`, { until: day(20) }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await office.request('PUT', `${record(away.id)}/leave`, { until: day(-1) }))).toBe(
      'LEAVE_DATE_INVALID',
    );
    expect(errorCode(await office.request('PUT', `${record(away.id)}/leave`, { until: 'soon' }))).toBe(
      'VALIDATION_FAILED',
    );
    const onLeave = await office.request('PUT', `${record(away.id)}/leave`, { until: day(20) });
    expect(onLeave.statusCode, onLeave.body).toBe(200);
    expect((onLeave.json() as VolunteerRecord).status).toMatchObject({
      state: 'on_leave',
      leaveUntil: day(20),
    });

    expect(await buddies()).not.toContain(away.id);
    expect(await buddies()).toContain(here.id);
    expect(await helpers()).not.toContain(away.id);
    expect(await helpers()).toContain(here.id);
    expect(await directoryLeave()).toBe(day(20));
    // The member sees their own status.
    const own = (await awayClient.get(`/api/networks/${slug}/members/me/record`)).json() as VolunteerRecord;
    expect(own.status.state).toBe('on_leave');
    expect(own.handoverOptions).toBeNull();

    const back = await office.request('DELETE', `${record(away.id)}/leave`);
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as VolunteerRecord).status).toMatchObject({ state: 'active', leaveUntil: null });
    expect(await buddies()).toContain(away.id);
    expect(await helpers()).toContain(away.id);
    expect(await directoryLeave()).toBeNull();

    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('subjectUserId', '=', away.id)
      .where('action', 'like', 'records.%')
      .orderBy('createdAt')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['records.leave_set', 'records.returned']);
  });

  it('records a departure with its handover, ends open buddy pairings with the note, and keeps the record for staff until the retention period ends', async () => {
    const { network, office, meta, record } = await setting();
    const slug = network.slug;
    const leaving = await buildMember(t.ctx, network, {
      level: 'experienced',
      user: await buildUser(t.ctx, { displayName: 'Lea Leaving' }),
    });
    const taker = await buildMember(t.ctx, network, { level: 'experienced' });
    const beginner = await buildMember(t.ctx, network, { level: 'beginner' });
    const stranger = await buildUser(t.ctx);
    const leavingClient = await signIn(t.app, leaving);
    for (const code of ['M-7', 'K-2']) {
      const logged = await leavingClient.post(`/api/networks/${slug}/activities`, {
        date: day(-3),
        durationMinutes: 45,
        kind: 'meeting',
        menteeCode: code,
        topics: ['housing'],
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
    const requestId = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: leaving.id });
    const pair = await buildPair(t.ctx, {
      networkId: network.id,
      beginnerId: beginner.id,
      mentorId: leaving.id,
    });

    // Retention set by the office: 6 months; a member may not set it.
    expect((await office.get(`/api/networks/${slug}/records/settings`)).json()).toEqual({
      retentionMonths: 12,
    });
    expect(
      errorCode(
        await leavingClient.request('PUT', `/api/networks/${slug}/records/settings`, { retentionMonths: 1 }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await office.request('PUT', `/api/networks/${slug}/records/settings`, { retentionMonths: 0 }),
      ),
    ).toBe('VALIDATION_FAILED');
    const set = await office.request('PUT', `/api/networks/${slug}/records/settings`, { retentionMonths: 6 });
    expect(set.json()).toEqual({ retentionMonths: 6 });

    // The form offers the member's mentee codes (pseudonyms only) and unresolved requests.
    const before = (await office.get(record(leaving.id))).json() as VolunteerRecord;
    expect(before.handoverOptions).toEqual({
      menteeCodes: ['K-2', 'M-7'],
      helpRequests: [{ id: requestId, title: 'A fictional question' }],
    });

    const depart = (body: unknown) => office.post(`${record(leaving.id)}/departure`, body);
    // A code that is not theirs, someone who is no member, the member themself: refused, nothing changes.
    for (const body of [
      { menteeCodes: [{ code: 'Z-9', toUserId: taker.id }] },
      { menteeCodes: [{ code: 'M-7', toUserId: stranger.id }] },
      { helpRequests: [{ id: requestId, toUserId: leaving.id }] },
    ]) {
      const res = await depart(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(errorCode(res)).toBe('HANDOVER_INVALID');
    }
    expect(((await office.get(record(leaving.id))).json() as VolunteerRecord).status.state).toBe('active');
    expect(errorCode(await leavingClient.post(`${record(leaving.id)}/departure`, {}))).toBe('FORBIDDEN');

    const res = await depart({
      menteeCodes: [{ code: 'M-7', toUserId: taker.id }],
      helpRequests: [{ id: requestId, toUserId: taker.id }],
      note: 'Lea moved to another city. Thank you both!',
    });
    expect(res.statusCode, res.body).toBe(201);
    const left = res.json() as VolunteerRecord;
    expect(left.status).toEqual({
      state: 'left',
      leaveUntil: null,
      leftOn: day(0),
      purgeOn: addMonths(day(0), 6),
      handover: {
        menteeCodes: [{ code: 'M-7', toUserId: taker.id }],
        helpRequests: [{ id: requestId, toUserId: taker.id }],
        note: 'Lea moved to another city. Thank you both!',
      },
    });
    expect(left.handoverOptions).toBeNull();

    // No longer a member; the request is the taker's now; the pairing ended with the note.
    const membership = await t.ctx.database.db
      .selectFrom('memberships')
      .select('status')
      .where('networkId', '=', network.id)
      .where('userId', '=', leaving.id)
      .executeTakeFirstOrThrow();
    expect(membership.status).toBe('left');
    const request = await t.ctx.database.db
      .selectFrom('helpRequests')
      .select('requesterId')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.requesterId).toBe(taker.id);
    // The taker hears of the handover once, leading to the request handed to them.
    const told = await notificationsOf(t.ctx, taker.id, 'record_handover');
    expect(told.map((n) => [n.actorId, n.helpRequestId])).toEqual([[leaving.id, requestId]]);
    const pairs = (await meta.get(`/api/networks/${slug}/buddies?scope=closed`)).json() as {
      pairs: BuddyPair[];
    };
    expect(pairs.pairs.find((p) => p.id === pair.id)).toMatchObject({
      status: 'ended',
      closeNote: 'Lea moved to another city. Thank you both!',
    });
    // Staff still see the record until it is deleted; the one who left does not.
    expect((await meta.get(record(leaving.id))).statusCode).toBe(200);
    expect(errorCode(await leavingClient.get(`/api/networks/${slug}/members/me/record`))).not.toBeUndefined();
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('subjectUserId', '=', leaving.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['member.left', 'records.departure']));
  });
});
