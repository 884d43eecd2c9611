import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Topics with the reader's read marker and unread count: live posts by others after the marker.
 * Without a marker that is every live post but the reader's own, worked out from the topic row
 * without reading its posts: the reply count (live replies) plus the opening post (live exactly
 * while the topic is: softDeleteTopic deletes both at once, and nothing else deletes an opening
 * post), minus the reader's own live posts (one probe of posts_author_topic_live_idx). SQLite and
 * PostgreSQL evaluate only the branch of the CASE that applies.
 */
export function topicsWithReads(db: Kysely<DB>, viewerId: string) {
  return db
    .selectFrom('topics as t')
    .leftJoin('users as u', 'u.id', 't.authorId')
    .leftJoin('topicReads as r', (join) => join.onRef('r.topicId', '=', 't.id').on('r.userId', '=', viewerId))
    .select('r.lastReadPostId')
    .select((eb) => {
      const ownLivePosts = eb
        .selectFrom('posts as own')
        .select(eb.fn.countAll<number>().as('c'))
        .where('own.authorId', '=', viewerId)
        .whereRef('own.topicId', '=', 't.id')
        .where('own.deletedAt', 'is', null);
      const livePosts = eb(
        't.replyCount',
        '+',
        eb.case().when('t.deletedAt', 'is', null).then(eb.lit(1)).else(eb.lit(0)).end(),
      );
      const unreadAfterMarker = eb
        .selectFrom('posts as p')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('p.topicId', '=', 't.id')
        .where('p.deletedAt', 'is', null)
        .where((w) => w.or([w('p.authorId', 'is', null), w('p.authorId', '!=', viewerId)]))
        .whereRef('p.id', '>', 'r.lastReadPostId');
      return eb
        .case()
        .when('r.lastReadPostId', 'is', null)
        .then(eb(livePosts, '-', ownLivePosts))
        .else(unreadAfterMarker)
        .end()
        .as('unreadCount');
    });
}

/** Moves the reader's marker forward to a post (never back). */
export async function markRead(
  db: Kysely<DB>,
  topicId: string,
  userId: string,
  postId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('topicReads')
    .values({ topicId, userId, lastReadPostId: postId, readAt: now })
    .onConflict((oc) =>
      oc
        .columns(['topicId', 'userId'])
        .doUpdateSet({ lastReadPostId: postId, readAt: now })
        .where('topicReads.lastReadPostId', '<', postId),
    )
    .execute();
}
