import { type Compilable, CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNREAD_COUNT_LIMIT } from '../../../common/contracts/notifications.ts';
import { withoutBitmapScans } from '../../db/index-scans.ts';
import { newId } from '../../lib/ids.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import {
  countUnreadNotifications,
  countUnreadNotificationsOf,
  findGroupableMessageNotifications,
  groupableMessageQuery,
  insertNotification,
  listNotifications,
  unreadCountsQuery,
} from './notifications.repository.ts';

// The list's precompiled shapes (newest, before a cursor, by ids, both) and long id lists (a digest
// claims everything pending at once) against one user's 300 notifications.
describe.each(DIALECTS)('notifications list queries on %s', (dialect) => {
  let t: TestApp;
  let userId: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const network = await buildNetwork(t.ctx);
    const left = await buildNetwork(t.ctx);
    const user = await buildUser(t.ctx);
    userId = user.id;
    await buildMember(t.ctx, network, { user });
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const id = newId(start + i * 60_000);
      ids.push(id);
      await insertNotification(t.ctx.database.db, {
        id,
        userId,
        kind: 'announcement',
        // Every tenth is about a network the user is not in: hidden.
        networkId: i % 10 === 9 ? left.id : network.id,
        actorId: null,
        topicId: null,
        postId: null,
        conversationId: null,
        messageId: null,
        announcementId: null,
        eventId: null,
        count: 1,
        email: 'immediate',
        readAt: i % 3 === 0 ? at : null,
        emailedAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
  }, 60_000);
  afterAll(() => t.close());

  const visible = () => ids.filter((_, i) => i % 10 !== 9).reverse();

  it('pages newest first by keyset and hides other networks', async () => {
    const db = t.ctx.database.db;
    const first = await listNotifications(db, userId, { limit: 7 });
    expect(first.map((r) => r.id)).toEqual(visible().slice(0, 7));
    const second = await listNotifications(db, userId, { limit: 7, beforeId: first[6]?.id });
    expect(second.map((r) => r.id)).toEqual(visible().slice(7, 14));
  });

  it('counts unread notifications the user can see, up to the limit', async () => {
    const db = t.ctx.database.db;
    // 180 visible and unread: the count stops at the limit.
    expect(ids.filter((_, i) => i % 10 !== 9 && i % 3 !== 0)).toHaveLength(180);
    expect(await countUnreadNotifications(db, userId)).toBe(UNREAD_COUNT_LIMIT);
    // Under the limit it is exact: read all but the newest 40, of which 4 are hidden and 12 read.
    const keep = ids.slice(260);
    await db
      .updateTable('notifications')
      .set({ readAt: '2026-02-01T00:00:00.000Z' })
      .where('userId', '=', userId)
      .where('id', 'not in', keep)
      .execute();
    const unread = keep.filter((_, i) => (260 + i) % 10 !== 9 && (260 + i) % 3 !== 0).length;
    expect(unread).toBe(24);
    expect(await countUnreadNotifications(db, userId)).toBe(unread);
    const other = await buildUser(t.ctx);
    const counts = await countUnreadNotificationsOf(db, [userId, other.id]);
    expect([...counts]).toEqual([
      [userId, unread],
      [other.id, 0],
    ]);
    await db.updateTable('notifications').set({ readAt: null }).where('userId', '=', userId).execute();
    await db
      .updateTable('notifications')
      .set({ readAt: '2026-01-01T00:00:00.000Z' })
      .where('userId', '=', userId)
      .where(
        'id',
        'in',
        ids.filter((_, i) => i % 3 === 0),
      )
      .execute();
    expect((await countUnreadNotificationsOf(db, [userId])).get(userId)).toBe(UNREAD_COUNT_LIMIT);
  });

  it('finds notifications by id lists of any length, newest first', async () => {
    const db = t.ctx.database.db;
    for (const n of [1, 3, 5, 17, 256, 257, 300]) {
      const some = ids.slice(0, n);
      const rows = await listNotifications(db, userId, { ids: some, limit: n });
      expect(rows.map((r) => r.id)).toEqual(visible().filter((id) => some.includes(id)));
    }
    const limited = await listNotifications(db, userId, { ids, limit: 5 });
    expect(limited.map((r) => r.id)).toEqual(visible().slice(0, 5));
    const before = await listNotifications(db, userId, { ids, beforeId: ids[100], limit: 300 });
    expect(before.map((r) => r.id)).toEqual(visible().filter((id) => id < (ids[100] as string)));
    expect(await listNotifications(db, userId, { ids: [], limit: 5 })).toEqual([]);
  });

  it('finds the message notification to group into by conversation, not by the unread ones', async () => {
    const db = t.ctx.database.db;
    const conversationId = newId();
    const at = '2026-02-02T00:00:00.000Z';
    const id = newId();
    await insertNotification(db, {
      id,
      userId,
      kind: 'message',
      networkId: null,
      actorId: null,
      topicId: null,
      postId: null,
      conversationId,
      messageId: newId(),
      announcementId: null,
      eventId: null,
      count: 1,
      email: 'immediate',
      readAt: null,
      emailedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    expect([...(await findGroupableMessageNotifications(db, conversationId, [userId]))]).toEqual([
      [userId, id],
    ]);
    expect(await planOf(groupableMessageQuery(db, conversationId, [userId]))).toContain(
      'notifications_conversation_idx',
    );
  });

  it('counts unread notifications newest first through the index of unread rows', async () => {
    // On PostgreSQL walked backwards (stopping at the limit), whatever the statistics say.
    expect(await planOf(unreadCountsQuery(t.ctx.database.db, [userId]))).toContain(
      dialect === 'sqlite'
        ? 'notifications_unread_newest_idx'
        : 'Index Scan Backward using notifications_unread_newest_idx',
    );
  });

  /** The plan of a query as text: which indexes it reads. */
  async function planOf(query: Compilable<unknown>): Promise<string> {
    const db = t.ctx.database.db;
    const { sql: text, parameters } = query.compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
      );
      return plan.rows.map((r) => r.detail).join('\n');
    }
    // With a few hundred rows a sequential scan is cheapest: which index is chosen is the question.
    // Planned as the repository plans it (without bitmap scans).
    const plan = await db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      return withoutBitmapScans(tx, (on) =>
        on.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${text}`, [...parameters])),
      );
    });
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  }
});
