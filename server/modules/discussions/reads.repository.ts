import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Topics with the reader's read marker and unread count, without reading a post: the topic's live
 * posts (its reply count, plus the opening post while the topic is live: softDeleteTopic deletes both
 * at once, and nothing else deletes an opening post) minus the live posts the reader has seen (their
 * own, or at or before their marker), which their topic_reads row keeps on every write (see
 * `countSeen`, `uncountSeen`, `markRead`). A reader without a row has seen none.
 */
export function topicsWithReads(db: Kysely<DB>, viewerId: string) {
  return db
    .selectFrom('topics as t')
    .leftJoin('users as u', 'u.id', 't.authorId')
    .leftJoin('topicReads as r', (join) => join.onRef('r.topicId', '=', 't.id').on('r.userId', '=', viewerId))
    .select(sql<string | null>`nullif(${sql.ref('r.lastReadPostId')}, '')`.as('lastReadPostId'))
    .select((eb) =>
      eb(
        eb(
          't.replyCount',
          '+',
          eb.case().when('t.deletedAt', 'is', null).then(eb.lit(1)).else(eb.lit(0)).end(),
        ),
        '-',
        eb.fn.coalesce('r.seenCount', eb.lit(0)),
      ).as('unreadCount'),
    );
}

/**
 * On PostgreSQL, locks the topic's row until the transaction ends. Every write that changes what
 * readers have seen (a post written or deleted, a marker moved) takes it before it touches
 * topic_reads, so a marker's count never misses a deletion committed while it was counted. SQLite
 * runs one write at a time anyway.
 */
async function lockTopic(db: Kysely<DB>, topicId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.selectFrom('topics').select('id').where('id', '=', topicId).forUpdate().execute();
}

/** A post was written: its author has seen it (a row without a marker if they have none). Inside the post's transaction, after the topic's row was updated. */
export async function countSeen(db: Kysely<DB>, topicId: string, authorId: string | null, now: string) {
  if (authorId === null) return;
  await db
    .insertInto('topicReads')
    .values({ topicId, userId: authorId, lastReadPostId: '', readAt: now, seenCount: 1 })
    .onConflict((oc) =>
      oc
        .columns(['topicId', 'userId'])
        .doUpdateSet((eb) => ({ seenCount: eb('topicReads.seenCount', '+', 1) })),
    )
    .execute();
}

/**
 * A live post was deleted: every reader who had seen it (its author, markers at or after it) has one
 * fewer. Inside the deletion's transaction, after the topic's row was updated (which locks it).
 */
export async function uncountSeen(
  db: Kysely<DB>,
  post: { id: string; topicId: string; authorId: string | null },
): Promise<void> {
  await db
    .updateTable('topicReads')
    .set((eb) => ({ seenCount: eb('seenCount', '-', 1) }))
    .where('topicId', '=', post.topicId)
    .where((eb) => {
      const atOrAfter = eb('lastReadPostId', '>=', post.id);
      return post.authorId === null ? atOrAfter : eb.or([atOrAfter, eb('userId', '=', post.authorId)]);
    })
    .execute();
}

/** Moves the reader's marker forward to a post (never back), and counts what they have seen up to it. */
export async function markRead(
  db: Kysely<DB>,
  topicId: string,
  userId: string,
  postId: string,
  now: string,
): Promise<void> {
  const run = async (trx: Kysely<DB>) => {
    await lockTopic(trx, topicId);
    const seen = trx
      .selectFrom('posts as p')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .where('p.topicId', '=', topicId)
      .where('p.deletedAt', 'is', null)
      .where((eb) => eb.or([eb('p.id', '<=', postId), eb('p.authorId', '=', userId)]));
    await trx
      .insertInto('topicReads')
      .values({ topicId, userId, lastReadPostId: postId, readAt: now, seenCount: seen })
      .onConflict((oc) =>
        oc
          .columns(['topicId', 'userId'])
          .doUpdateSet((eb) => ({
            lastReadPostId: eb.ref('excluded.lastReadPostId'),
            readAt: eb.ref('excluded.readAt'),
            seenCount: eb.ref('excluded.seenCount'),
          }))
          .where('topicReads.lastReadPostId', '<', postId),
      )
      .execute();
  };
  if (db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) await run(db);
  else await db.transaction().execute(run);
}

/**
 * Works out every reader's seen count from the posts as they are, and gives every author a row: for
 * posts written straight into the tables (generated data). The 2026-12-07T0200 migration did the same.
 */
export async function recountSeen(db: Kysely<DB>): Promise<void> {
  // PostgreSQL plans the count below per reader. Right after a bulk load (generated data) the two
  // tables have no statistics yet, and the planner walked the whole (author, topic) index for each
  // reader — hours on the large set. Statistics first give it the (topic, id) index.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`analyze posts`.execute(db);
    await sql`analyze topic_reads`.execute(db);
  }
  await sql`insert into topic_reads (topic_id, user_id, last_read_post_id, read_at, seen_count)
    select p.topic_id, p.author_id, '', max(p.created_at), 0 from posts as p
    where p.author_id is not null and p.deleted_at is null
      and not exists (select 1 from topic_reads as r where r.topic_id = p.topic_id and r.user_id = p.author_id)
    group by p.topic_id, p.author_id`.execute(db);
  await sql`update topic_reads set seen_count = (select count(*) from posts as p
    where p.topic_id = topic_reads.topic_id and p.deleted_at is null
      and (p.id <= topic_reads.last_read_post_id or p.author_id = topic_reads.user_id))`.execute(db);
}
