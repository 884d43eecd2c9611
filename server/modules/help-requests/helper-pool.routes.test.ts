import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HelpRequest, SuggestedHelpers } from '../../../common/contracts/help-requests.ts';
import { HELPER_SUGGESTIONS_MAX } from '../../../common/help-requests.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
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

  it('reads the candidates with their load in one statement, however many there are', async () => {
    const network = await buildNetwork(t.ctx);
    const other = await buildNetwork(t.ctx);
    const base = `/api/networks/${network.slug}/help-requests`;
    const askerMember = await buildMember(t.ctx, network, { level: 'beginner' });
    const asker = await signIn(t.app, askerMember);
    const helperMember = await buildMember(t.ctx, network, { level: 'experienced' });
    await buildMember(t.ctx, other, { user: helperMember });
    const helper = await signIn(t.app, helperMember);
    const otherAsker = await signIn(t.app, await buildMember(t.ctx, other));
    const ask = async (client: typeof asker, path = base) =>
      (
        (
          await client.post(path, { title: 'Where to start?', body: 'Any advice?', expertise: ['work'] })
        ).json() as HelpRequest
      ).id;
    // Helped before: two resolved requests of this network answered (one of them offered on too),
    // not one of another network nor one still open; open offers: two, not the resolved one.
    for (const [client, path, resolve] of [
      [asker, base, true],
      [asker, base, true],
      [otherAsker, `/api/networks/${other.slug}/help-requests`, true],
      [asker, base, false],
    ] as const) {
      const id = await ask(client, path);
      await helper.post(`${path}/${id}/responses`, { body: 'Here is how.' });
      await helper.post(`${path}/${id}/offer`, {});
      if (resolve) await client.post(`${path}/${id}/status`, { status: 'resolved' });
    }
    await helper.post(`${base}/${await ask(asker)}/offer`, {});

    // Each read below is the first after a change of the request: it ranks anew.
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    const coldRead = async (id: string) => {
      spy.mockClear();
      const res = await asker.get(`${base}/${id}/suggested-helpers`);
      expect(res.statusCode, res.body).toBe(200);
      return { helpers: (res.json() as SuggestedHelpers).helpers, statements: spy.mock.calls.length };
    };
    try {
      const few = await coldRead(await ask(asker));
      const mine = few.helpers.find((h) => h.helper.id === helperMember.id);
      expect(mine?.reasons).toContainEqual({ code: 'helped_before', resolvedCount: 2 });
      expect(mine?.reasons).toContainEqual({ code: 'open_offers', count: 2 });
      for (let i = 0; i < 20; i++) await buildMember(t.ctx, network, { level: 'experienced' });
      const many = await coldRead(await ask(asker));
      expect(few.helpers.length).toBeLessThan(5);
      expect(many.helpers).toHaveLength(HELPER_SUGGESTIONS_MAX);
      // On PostgreSQL every statement goes through Kysely's executor and is counted.
      if (dialect === 'postgres') expect(many.statements).toBe(few.statements);
    } finally {
      spy.mockRestore();
    }
  });
});
