import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpRequest, SuggestedHelpers } from '../../../common/contracts/help-requests.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { saveProfileAs } from '../../test/buddies.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { HELPER_POOL_SIZE } from './help-requests.service.ts';

// Suggested helpers are ranked within a stored pool of likely helpers (a pre-score in SQL), so that
// a network of thousands is not ranked member by member on every read.
describe.each(DIALECTS)('the pool of likely helpers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('keeps the likeliest helpers of a large network, leaves out who goes on leave, and starts anew on edits', async () => {
    const network = await buildNetwork(t.ctx);
    const base = `/api/networks/${network.slug}/help-requests`;
    const asker = await signIn(t.app, await buildMember(t.ctx, network, { level: 'beginner' }));
    // More members than the pool holds, none with anything in common with the request …
    for (let i = 0; i < HELPER_POOL_SIZE + 5; i++) await buildMember(t.ctx, network, { level: 'beginner' });
    // … and, joined last, two who share its expertise and language.
    const expert = await buildUser(t.ctx, { displayName: 'Zora Expert' });
    const second = await buildUser(t.ctx, { displayName: 'Yusuf Second' });
    const expertClient = await signIn(
      t.app,
      await buildMember(t.ctx, network, { user: expert, level: 'experienced' }),
    );
    const secondClient = await signIn(t.app, await buildMember(t.ctx, network, { user: second }));
    await saveProfileAs(expertClient, { languages: ['uk'], expertise: ['health', 'family'] });
    await saveProfileAs(secondClient, { languages: ['uk'], expertise: ['health'] });

    const req = (
      await asker.post(base, {
        kind: 'question',
        title: 'A doctor who speaks Ukrainian',
        body: 'Who knows one near the centre?',
        expertise: ['health', 'family'],
        languages: ['uk'],
        urgency: 'soon',
      })
    ).json() as HelpRequest;
    const suggested = async (id: string) => {
      const res = await asker.get(`${base}/${id}/suggested-helpers`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as SuggestedHelpers).helpers.map((h) => h.helper.id);
    };
    const first = await suggested(req.id);
    expect(first.slice(0, 2)).toEqual([expert.id, second.id]);
    const pool = async (id: string) =>
      (
        await t.ctx.database.db
          .selectFrom('helpRequests')
          .select(['helperPool', 'helperPoolAt'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).helperPool;
    const stored = JSON.parse((await pool(req.id)) as string) as string[];
    expect(stored).toHaveLength(HELPER_POOL_SIZE);
    expect(stored.slice(0, 2)).toEqual([expert.id, second.id]);

    // On leave: no longer suggested, though still in the stored pool (an offer moves the request on).
    const leave = await expertClient.request('PUT', `/api/networks/${network.slug}/members/me/leave`, {
      until: isoNow(Date.now() + 7 * DAY).slice(0, 10),
    });
    expect(leave.statusCode).toBe(200);
    await secondClient.post(`${base}/${req.id}/offer`, {});
    expect(await suggested(req.id)).not.toContain(expert.id);

    // Another need: the pool is worked out again.
    expect((await asker.patch(`${base}/${req.id}`, { expertise: ['work'], languages: [] })).statusCode).toBe(
      200,
    );
    expect(await pool(req.id)).toBeNull();
    await suggested(req.id);
    expect(JSON.parse((await pool(req.id)) as string)).not.toContain(expert.id);
  });
});
