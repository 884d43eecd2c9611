import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../test/client.ts';
import { spaceId, startTopic } from '../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../test/factories.ts';

/**
 * A request to a network route reads the session, its user and the caller's standing in the network
 * in one statement (then the route's own): the standing must be the one a separate lookup gives, for
 * members, non-members, missing networks and sessions that are no longer good.
 */
describe.each(DIALECTS)('session and standing on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** The statements a request sends through Kysely (on PostgreSQL that is every statement). */
  async function statementsOf(run: () => Promise<unknown>): Promise<number> {
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('answers a member, a non-member, a visitor and a missing network as before', async () => {
    const open = await buildNetwork(t.ctx);
    const closed = await buildNetwork(t.ctx, { visibility: 'private' });
    const member = await buildMember(t.ctx, closed, { role: 'mentor' });
    const pending = await buildMember(t.ctx, closed, { role: 'mentor', accepted: false });
    const outsider = await buildUser(t.ctx);
    const asMember = await signIn(t.app, member);
    const asPending = await signIn(t.app, pending);
    const asOutsider = await signIn(t.app, outsider);
    const visitor = freshClient(t.app);

    expect((await asMember.get(`/api/networks/${closed.slug}/topics`)).statusCode).toBe(200);
    expect((await asMember.get(`/api/networks/${open.slug}/topics`)).statusCode).toBe(403);
    const agreement = await asPending.get(`/api/networks/${closed.slug}/topics`);
    expect([agreement.statusCode, errorCode(agreement)]).toEqual([403, 'AGREEMENT_REQUIRED']);
    expect((await asOutsider.get(`/api/networks/${closed.slug}/topics`)).statusCode).toBe(404);
    expect((await asOutsider.get(`/api/networks/${open.slug}`)).statusCode).toBe(200);
    expect((await asOutsider.get('/api/networks/no-such-network/topics')).statusCode).toBe(404);
    expect((await visitor.get(`/api/networks/${open.slug}`)).statusCode).toBe(200);
    expect((await visitor.get(`/api/networks/${closed.slug}`)).statusCode).toBe(404);
    // The member's own page shows their standing.
    const page = (await asMember.get(`/api/networks/${closed.slug}`)).json();
    expect(JSON.stringify(page)).toContain('mentor');
  });

  it('treats an expired session on a network route as no session', async () => {
    const network = await buildNetwork(t.ctx);
    const member = await buildMember(t.ctx, network, { role: 'mentor' });
    const client = await signIn(t.app, member);
    expect((await client.get(`/api/networks/${network.slug}/topics`)).statusCode).toBe(200);
    await t.ctx.database.db
      .updateTable('sessions')
      .set({ expiresAt: '2000-01-01T00:00:00.000Z' })
      .where('userId', '=', member.id)
      .execute();
    const res = await client.get(`/api/networks/${network.slug}/topics`);
    expect(res.statusCode).toBe(401);
    expect(
      await t.ctx.database.db.selectFrom('sessions').selectAll().where('userId', '=', member.id).execute(),
    ).toEqual([]);
  });

  it.runIf(dialect === 'postgres')('sends two statements for a signed-in topic list', async () => {
    const network = await buildNetwork(t.ctx);
    const member = await buildMember(t.ctx, network, { role: 'mentor' });
    const client = await signIn(t.app, member);
    // Once to settle (a first request may touch the session).
    expect((await client.get(`/api/networks/${network.slug}/topics`)).statusCode).toBe(200);
    const count = await statementsOf(() => client.get(`/api/networks/${network.slug}/topics`));
    expect(count).toBe(2);
  });

  it.runIf(dialect === 'postgres')('sends two statements for a page of replies', async () => {
    const network = await buildNetwork(t.ctx);
    const member = await buildMember(t.ctx, network, { role: 'mentor' });
    const client = await signIn(t.app, member);
    const topic = await startTopic(client, network.slug, { spaceId: await spaceId(client, network.slug) });
    const path = `/api/networks/${network.slug}/topics/${topic.id}/replies`;
    expect((await client.post(path, { body: 'A reply' })).statusCode).toBe(201);
    expect((await client.get(path)).statusCode).toBe(200);
    // The session with the standing, then the page (with the topic's check).
    expect(await statementsOf(() => client.get(path))).toBe(2);
  });
});
