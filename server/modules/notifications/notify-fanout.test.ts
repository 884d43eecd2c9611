import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildTopic, recordEvents } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

/**
 * A reply notifies everyone who wrote in its topic. Their notifications are written together, so
 * the statements of one reply must not grow with the number of participants (issue 22: one commit
 * per participant made replies slow on PostgreSQL under load).
 */
describe.each(DIALECTS)('notification fan-out on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A topic with `participants` members who replied in it, and the signed-in member who replies now. */
  async function topicWith(participants: number) {
    const network = await buildNetwork(t.ctx);
    const starter = await buildMember(t.ctx, network, { role: 'mentor' });
    const { topicId } = await buildTopic(t.ctx, network, starter.id);
    const others = [starter.id];
    for (let i = 1; i < participants; i++) {
      const member = await buildMember(t.ctx, network, { role: 'mentor' });
      others.push(member.id);
      await t.ctx.database.db
        .insertInto('posts')
        .values({
          id: newId(),
          networkId: network.id,
          topicId,
          authorId: member.id,
          isOpening: 0,
          bodySource: 'Me too.',
          bodyHtml: '<p>Me too.</p>',
          mentions: '[]',
          editedAt: null,
          deletedAt: null,
          deletedBy: null,
          hiddenAt: null,
          hiddenBy: null,
          createdAt: isoNow(),
        })
        .execute();
    }
    const author = await signIn(t.app, await buildMember(t.ctx, network, { role: 'mentor' }));
    if (!author) throw new Error('sign-in failed');
    return { network, topicId, author, others };
  }

  /** Replies once and returns how many statements the request ran, checking everyone was told. */
  async function statementsOfReply(participants: number): Promise<number> {
    const { network, topicId, author, others } = await topicWith(participants);
    const recorder = recordEvents(t.ctx);
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    const res = await author.post(`/api/networks/${network.slug}/topics/${topicId}/replies`, {
      body: 'Here is what I found out.',
    });
    const statements = spy.mock.calls.length;
    spy.mockRestore();
    recorder.stop();
    expect(res.statusCode).toBe(201);
    const told = recorder.of('notification.created').map((e) => e.room);
    expect(told.sort()).toEqual(others.map((id) => `user:${id}`).sort());
    for (const e of recorder.of('notification.created')) {
      expect(e.event.data).toMatchObject({ unreadCount: 1, notification: { kind: 'reply', read: false } });
    }
    const rows = await t.ctx.database.db
      .selectFrom('notifications')
      .select('userId')
      .where('topicId', '=', topicId)
      .where('kind', '=', 'reply')
      .execute();
    expect(rows.map((r) => r.userId).sort()).toEqual([...others].sort());
    return statements;
  }

  it('runs about as many statements for a reply to 40 participants as to one', async () => {
    const one = await statementsOfReply(1);
    const forty = await statementsOfReply(40);
    console.log(`${dialect}: statements of a reply with 1 participant ${one}, with 40 ${forty}`);
    // The same statements whatever the number of participants (the realtime events of all of them
    // go in one NOTIFY on PostgreSQL); a few more for chunks would still be no growth per person.
    expect(forty - one).toBeLessThanOrEqual(2);
  });
});
