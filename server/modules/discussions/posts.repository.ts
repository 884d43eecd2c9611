import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { AttachmentRow, PostRow } from './discussions.table.ts';
import { countSeen, uncountSeen } from './reads.repository.ts';

/**
 * Inserts a reply, bumps its topic (reply count, last activity) and counts it as seen by its author.
 * Three statements: call it inside withTransaction.
 */
export async function insertReply(db: Kysely<DB>, post: PostRow): Promise<void> {
  await db.insertInto('posts').values(post).execute();
  await db
    .updateTable('topics')
    .set((eb) => ({
      replyCount: eb('replyCount', '+', 1),
      lastActivityAt: post.createdAt,
      updatedAt: post.createdAt,
    }))
    .where('id', '=', post.topicId)
    .execute();
  await countSeen(db, post.topicId, post.authorId, post.createdAt);
}

/**
 * Marks uploads as belonging to a post; false unless every one was its author's own upload and not
 * attached yet (then the caller rolls the post back).
 */
export async function claimAttachments(
  db: Kysely<DB>,
  post: PostRow,
  attachmentIds: string[],
): Promise<boolean> {
  if (attachmentIds.length === 0) return true;
  const result = await db
    .updateTable('attachments')
    .set({ postId: post.id })
    .where('id', 'in', attachmentIds)
    .where('networkId', '=', post.networkId)
    .where('uploaderId', '=', post.authorId ?? '')
    .where('postId', 'is', null)
    .where('helpRequestId', 'is', null)
    .where('helpResponseId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === new Set(attachmentIds).size;
}

/**
 * What a post shows besides its own columns, read in the same row as JSON (see postExtras): null
 * when it has none, else a JSON array — as text, or already parsed (PostgreSQL, SQLite's JSON rows).
 */
export interface PostExtraColumns {
  /** `[[reaction, count, mine], …]`: counts per reaction, and whether the reader gave it (1/0 or true/false). */
  reactions: unknown;
  /** `[[id, fileName, contentType, size], …]`, oldest first. */
  attachments: unknown;
  /** Whether the reader blocked the author (1/0 or true/false). */
  authorBlocked: unknown;
}

export interface PostListRow extends PostRow, PostExtraColumns {
  authorName: string | null;
  /** Set when the author's account was erased (shown as a former member). */
  authorErasedAt: string | null;
}

/** A post as a page of replies reads it. */
export type PostSummaryRow = Omit<PostListRow, 'networkId' | 'deletedBy' | 'hiddenBy'>;

/**
 * A post's reactions (as the reader sees them) and attachments as two JSON columns of its own row:
 * a page of replies is one statement instead of three (the page, then reactions and attachments of
 * its range of posts), ~12 µs of a ~120 µs request. A post without any is probed once (`exists`) and
 * reads null.
 */
function postExtras(db: Kysely<DB>, post: Expression<string>, readerId: string) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return {
      reactions: sql<unknown>`(select json_agg(json_build_array(k.reaction, k.n, k.mine))
        from (select r.reaction, count(*) as n, bool_or(r.user_id = ${readerId}) as mine
          from post_reactions as r where r.post_id = ${post} group by r.reaction) as k)`,
      attachments: sql<unknown>`(select json_agg(json_build_array(x.id, x.file_name, x.content_type, x.size) order by x.id)
        from attachments as x where x.post_id = ${post})`,
    };
  }
  // json(…) marks the text as JSON, so that a JSON row holds the array itself, not a string of it.
  const ifAny = (table: string, value: RawBuilder<unknown>) =>
    sql<unknown>`case when exists (select 1 from ${sql.table(table)} where post_id = ${post}) then json(${value}) end`;
  return {
    reactions: ifAny(
      'post_reactions',
      sql`(select json_group_array(json_array(k.reaction, k.n, k.mine))
        from (select r.reaction, count(*) as n, max(r.user_id = ${readerId}) as mine
          from post_reactions as r where r.post_id = ${post} group by r.reaction) as k)`,
    ),
    attachments: ifAny(
      'attachments',
      sql`(select json_group_array(json_array(x.id, x.file_name, x.content_type, x.size) order by x.id)
        from attachments as x where x.post_id = ${post})`,
    ),
  };
}

/** Whether the reader blocked the author of post `p` (blocks are kept by the moderation module). */
function authorBlocked(readerId: string) {
  return sql<unknown>`exists (select 1 from user_blocks as b where b.blocker_id = ${readerId} and b.blocked_id = p.author_id)`;
}

function postsWithAuthors(db: Kysely<DB>, readerId: string) {
  const extras = postExtras(db, sql.ref('p.id'), readerId);
  return db
    .selectFrom('posts as p')
    .leftJoin('users as u', 'u.id', 'p.authorId')
    .selectAll('p')
    .select(['u.displayName as authorName', 'u.erasedAt as authorErasedAt'])
    .select([
      extras.reactions.as('reactions'),
      extras.attachments.as('attachments'),
      authorBlocked(readerId).as('authorBlocked'),
    ]);
}

/**
 * One post of a network (a post id from another network is not found); its reactions as `readerId`
 * sees them (no one: '').
 */
export function findPost(
  db: Kysely<DB>,
  networkId: string,
  postId: string,
  readerId = '',
): Promise<PostListRow | undefined> {
  return postsWithAuthors(db, readerId)
    .where('p.networkId', '=', networkId)
    .where('p.id', '=', postId)
    .executeTakeFirst();
}

/** The opening post of a topic; its reactions as `readerId` sees them. */
export function findOpeningPost(
  db: Kysely<DB>,
  topicId: string,
  readerId: string,
): Promise<PostListRow | undefined> {
  return postsWithAuthors(db, readerId)
    .where('p.topicId', '=', topicId)
    .where('p.isOpening', '=', 1)
    .executeTakeFirst();
}

const replyPage = precompiled(
  (
    db,
    p: {
      networkId: string;
      topicId: string;
      readerId: string;
      withDeleted: boolean;
      afterId: string | undefined;
      limit: number;
    },
  ) => {
    let query = db
      .selectFrom('posts as p')
      .leftJoin('users as u', 'u.id', 'p.authorId')
      // What a reply shows (every column costs on each of the many reads of a page). Who sees the
      // Markdown source and the content of deleted replies is for the presenter to decide.
      .select([
        'p.bodySource',
        'p.id',
        'p.topicId',
        'p.authorId',
        'p.isOpening',
        'p.bodyHtml',
        'p.mentions',
        'p.editedAt',
        'p.deletedAt',
        'p.hiddenAt',
        'p.createdAt',
        'u.displayName as authorName',
        'u.erasedAt as authorErasedAt',
      ])
      .select(() => {
        const extras = postExtras(db, sql.ref('p.id'), p.readerId);
        return [
          extras.reactions.as('reactions'),
          extras.attachments.as('attachments'),
          authorBlocked(p.readerId).as('authorBlocked'),
        ];
      })
      .where('p.topicId', '=', p.topicId)
      .where('p.isOpening', '=', 0)
      // The topic is the network's (and not deleted, for most readers): checked once per page,
      // not per reply, as the condition does not depend on the reply.
      .where(({ exists, selectFrom }) => {
        let topic = selectFrom('topics as t')
          .select('t.id')
          .where('t.id', '=', p.topicId)
          .where('t.networkId', '=', p.networkId);
        if (!p.withDeleted) topic = topic.where('t.deletedAt', 'is', null);
        return exists(topic);
      })
      .orderBy('p.id')
      .limit(p.limit);
    if (p.afterId !== undefined) query = query.where('p.id', '>', p.afterId);
    return query;
  },
  { values: ['networkId', 'topicId', 'readerId', 'afterId', 'limit'], jsonRows: true },
);

/**
 * Replies of a topic of a network in the order they were written (ids are time-ordered), keyset
 * after an id; their reactions as the reader sees them. None when the topic is not the network's,
 * or is deleted and `withDeleted` is not set: an empty page does not say which (findTopicState).
 */
export function listReplies(
  db: Kysely<DB>,
  topic: { networkId: string; id: string },
  readerId: string,
  options: { afterId?: string; limit: number; withDeleted: boolean },
): Promise<PostSummaryRow[]> {
  return replyPage(db, {
    networkId: topic.networkId,
    topicId: topic.id,
    readerId,
    withDeleted: options.withDeleted,
    afterId: options.afterId || undefined,
    limit: options.limit,
  });
}

/** The newest post of a topic (not deleted). */
export async function latestPostId(db: Kysely<DB>, topicId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('topicId', '=', topicId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Updates a post's content (deleting one: softDeleteReply, or softDeleteTopic for the opening post). */
export async function updatePost(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<PostRow, 'bodySource' | 'bodyHtml' | 'mentions' | 'editedAt'>>,
): Promise<void> {
  await db.updateTable('posts').set(changes).where('id', '=', id).execute();
}

/**
 * Soft-deletes a reply and takes it out of the topic's reply count and its readers' seen counts (once;
 * never an opening post): call it inside withTransaction.
 */
export async function softDeleteReply(db: Kysely<DB>, post: PostRow, by: string, at: string): Promise<void> {
  const result = await db
    .updateTable('posts')
    .set({ deletedAt: at, deletedBy: by })
    .where('id', '=', post.id)
    .where('isOpening', '=', 0)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) {
    await db
      .updateTable('topics')
      .set((eb) => ({ replyCount: eb('replyCount', '-', 1), updatedAt: at }))
      .where('id', '=', post.topicId)
      .execute();
    await uncountSeen(db, post);
  }
}

// ---- reactions ----

/** Adds the reaction, or takes it back when the user had given it; returns whether it is now on. */
export async function toggleReaction(
  db: Kysely<DB>,
  postId: string,
  userId: string,
  reaction: string,
  now: string,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('postReactions')
    .where('postId', '=', postId)
    .where('userId', '=', userId)
    .where('reaction', '=', reaction)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return false;
  await db
    .insertInto('postReactions')
    .values({ postId, userId, reaction, createdAt: now })
    .onConflict((oc) => oc.columns(['postId', 'userId', 'reaction']).doNothing())
    .execute();
  return true;
}

// ---- attachments ----

/** Stores an upload's record. */
export async function insertAttachment(db: Kysely<DB>, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** One attachment of a network (with the help request or response it may belong to instead of a post). */
export function findAttachment(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<(AttachmentRow & { helpRequestId: string | null; helpResponseId: string | null }) | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- members ----

/** The active members of a network among some user ids, with their names. */
export function findActiveMembers(db: Kysely<DB>, networkId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.displayName'])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .where('m.userId', 'in', userIds)
    .execute();
}
