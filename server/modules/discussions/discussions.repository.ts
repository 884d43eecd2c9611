import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { AttachmentRow, PostRow, SpaceRow, TopicRow } from './discussions.table.ts';

// ---- spaces ----

/** Inserts spaces. */
export async function insertSpaces(db: Kysely<DB>, rows: SpaceRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('spaces').values(rows).execute();
}

/** Whether a network has any spaces yet. */
export async function hasSpaces(db: Kysely<DB>, networkId: string): Promise<boolean> {
  const row = await db
    .selectFrom('spaces')
    .select('id')
    .where('networkId', '=', networkId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A network's spaces in order, with the number of topics that are not deleted. */
export function listSpaces(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('spaces as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('topics as t')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('t.spaceId', '=', 's.id')
        .where('t.deletedAt', 'is', null)
        .as('topicCount'),
    )
    .where('s.networkId', '=', networkId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
}

const spaceOfNetwork = precompiled(
  (db, p: { networkId: string; spaceId: string }) =>
    db.selectFrom('spaces').selectAll().where('networkId', '=', p.networkId).where('id', '=', p.spaceId),
  { values: ['networkId', 'spaceId'] },
);

/** One space of a network (a space id from another network is not found). */
export async function findSpace(
  db: Kysely<DB>,
  networkId: string,
  spaceId: string,
): Promise<SpaceRow | undefined> {
  const [row] = await spaceOfNetwork(db, { networkId, spaceId });
  return row;
}

/** The next free position at the end of a network's spaces. */
export async function nextSpacePosition(db: Kysely<DB>, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('spaces')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('networkId', '=', networkId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Updates a space. */
export async function updateSpace(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<SpaceRow, 'name' | 'archivedAt' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('spaces').set(changes).where('id', '=', id).execute();
}

// ---- topics and posts ----

/** Marks uploads as belonging to a post; false unless every one was the uploader's own and free. */
async function claimAttachments(
  trx: Kysely<DB>,
  post: PostRow,
  attachmentIds: string[],
  uploaderId: string,
): Promise<boolean> {
  if (attachmentIds.length === 0) return true;
  const result = await trx
    .updateTable('attachments')
    .set({ postId: post.id })
    .where('id', 'in', attachmentIds)
    .where('networkId', '=', post.networkId)
    .where('uploaderId', '=', uploaderId)
    .where('postId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === new Set(attachmentIds).size;
}

class Rollback extends Error {}

/** Inserts a topic with its opening post and attachments in one transaction; false when an attachment could not be claimed. */
export async function insertTopic(
  db: Kysely<DB>,
  topic: TopicRow,
  opening: PostRow,
  attachmentIds: string[],
): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('topics').values(topic).execute();
      await trx.insertInto('posts').values(opening).execute();
      if (!(await claimAttachments(trx, opening, attachmentIds, opening.authorId ?? '')))
        throw new Rollback();
    });
    return true;
  } catch (error) {
    if (error instanceof Rollback) return false;
    throw error;
  }
}

/** Inserts a reply, claims its attachments and bumps the topic; false when an attachment could not be claimed. */
export async function insertReply(db: Kysely<DB>, post: PostRow, attachmentIds: string[]): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('posts').values(post).execute();
      if (!(await claimAttachments(trx, post, attachmentIds, post.authorId ?? ''))) throw new Rollback();
      await trx
        .updateTable('topics')
        .set((eb) => ({
          replyCount: eb('replyCount', '+', 1),
          lastActivityAt: post.createdAt,
          updatedAt: post.createdAt,
        }))
        .where('id', '=', post.topicId)
        .execute();
    });
    return true;
  } catch (error) {
    if (error instanceof Rollback) return false;
    throw error;
  }
}

/** What a topic list shows of each topic (every column costs on each of the many reads of a list). */
const summaryColumns = [
  't.id',
  't.spaceId',
  't.authorId',
  't.title',
  't.pinned',
  't.lockedAt',
  't.deletedAt',
  't.replyCount',
  't.lastActivityAt',
  't.createdAt',
  'u.displayName as authorName',
] as const;
const topicColumns = [...summaryColumns, 't.networkId', 't.deletedBy', 't.updatedAt'] as const;

export interface TopicListRow extends TopicRow {
  authorName: string | null;
  lastReadPostId: string | null;
  unreadCount: number;
}

/** A topic as a list shows it. */
export type TopicSummaryRow = Omit<TopicListRow, 'networkId' | 'deletedBy' | 'updatedAt'>;

/**
 * Topics with the reader's read marker and unread count: live posts by others after the marker.
 * Without a marker that is every live post but the reader's own, worked out from the topic row
 * without reading its posts: the reply count (live replies) plus the opening post (live exactly
 * while the topic is: softDeleteTopic deletes both at once, and nothing else deletes an opening
 * post), minus the reader's own live posts (one probe of posts_author_topic_live_idx). SQLite and
 * PostgreSQL evaluate only the branch of the CASE that applies.
 */
function topicsWithReads(db: Kysely<DB>, viewerId: string) {
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

const topicOfNetwork = precompiled(
  (db, p: { networkId: string; topicId: string; viewerId: string }) =>
    topicsWithReads(db, p.viewerId)
      .select(topicColumns)
      .where('t.networkId', '=', p.networkId)
      .where('t.id', '=', p.topicId),
  { values: ['networkId', 'topicId', 'viewerId'] },
);

/** One topic of a network, as a reader sees it (a topic id from another network is not found). */
export async function findTopic(
  db: Kysely<DB>,
  networkId: string,
  topicId: string,
  viewerId: string,
): Promise<TopicListRow | undefined> {
  const [row] = await topicOfNetwork(db, { networkId, topicId, viewerId });
  return row ? { ...row, unreadCount: Number(row.unreadCount ?? 0) } : undefined;
}

const topicStateOfNetwork = precompiled(
  (db, p: { networkId: string; topicId: string }) =>
    db
      .selectFrom('topics')
      .select(['id', 'deletedAt'])
      .where('networkId', '=', p.networkId)
      .where('id', '=', p.topicId),
  { values: ['networkId', 'topicId'] },
);

/** Whether a topic of a network exists and is deleted, without the reader's counts (for its pages of replies). */
export async function findTopicState(
  db: Kysely<DB>,
  networkId: string,
  topicId: string,
): Promise<Pick<TopicRow, 'id' | 'deletedAt'> | undefined> {
  const [row] = await topicStateOfNetwork(db, { networkId, topicId });
  return row;
}

const topicPage = precompiled(
  (
    db,
    p: {
      networkId: string;
      spaceId: string | undefined;
      viewerId: string;
      includeDeleted: boolean;
      afterPinned: number | undefined;
      afterActivity: string | undefined;
      afterId: string | undefined;
      limit: number;
    },
  ) => {
    let query = topicsWithReads(db, p.viewerId)
      .select(summaryColumns)
      .where('t.networkId', '=', p.networkId)
      .orderBy('t.pinned', 'desc')
      .orderBy('t.lastActivityAt', 'desc')
      .orderBy('t.id', 'desc')
      .limit(p.limit);
    if (p.spaceId !== undefined) query = query.where('t.spaceId', '=', p.spaceId);
    if (!p.includeDeleted) query = query.where('t.deletedAt', 'is', null);
    const { afterPinned, afterActivity, afterId } = p;
    if (afterPinned !== undefined && afterActivity !== undefined && afterId !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb('t.pinned', '<', afterPinned),
          eb.and([eb('t.pinned', '=', afterPinned), eb('t.lastActivityAt', '<', afterActivity)]),
          eb.and([
            eb('t.pinned', '=', afterPinned),
            eb('t.lastActivityAt', '=', afterActivity),
            eb('t.id', '<', afterId),
          ]),
        ]),
      );
    }
    return query;
  },
  {
    values: ['networkId', 'spaceId', 'viewerId', 'afterPinned', 'afterActivity', 'afterId', 'limit'],
    jsonRows: true,
  },
);

/** Topics of a network (or one space), pinned first, then by last activity; keyset after (pinned, lastActivityAt, id). */
export async function listTopics(
  db: Kysely<DB>,
  options: {
    networkId: string;
    spaceId?: string;
    viewerId: string;
    includeDeleted: boolean;
    after?: [number, string, string];
    limit: number;
  },
): Promise<TopicSummaryRow[]> {
  const rows = await topicPage(db, {
    networkId: options.networkId,
    spaceId: options.spaceId,
    viewerId: options.viewerId,
    includeDeleted: options.includeDeleted,
    afterPinned: options.after?.[0],
    afterActivity: options.after?.[1],
    afterId: options.after?.[2],
    limit: options.limit,
  });
  return rows.map((r) => ({ ...r, unreadCount: Number(r.unreadCount ?? 0) }));
}

/** Updates a topic (deleting one: softDeleteTopic). */
export async function updateTopic(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<TopicRow, 'title' | 'pinned' | 'lockedAt' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('topics').set(changes).where('id', '=', id).execute();
}

/** Soft-deletes a topic and its opening post together (the unread counts rely on both or neither). */
export async function softDeleteTopic(
  db: Kysely<DB>,
  topicId: string,
  by: string,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('topics')
      .set({ deletedAt: at, deletedBy: by, updatedAt: at })
      .where('id', '=', topicId)
      .execute();
    await trx
      .updateTable('posts')
      .set({ deletedAt: at, deletedBy: by })
      .where('topicId', '=', topicId)
      .where('isOpening', '=', 1)
      .execute();
  });
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
}

export interface PostListRow extends PostRow, PostExtraColumns {
  authorName: string | null;
}

/** A post as a page of replies shows it; the Markdown source is left out (null) for readers who may not edit it. */
export type PostSummaryRow = Omit<PostListRow, 'networkId' | 'deletedBy' | 'bodySource'> & {
  bodySource: string | null;
};

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

function postsWithAuthors(db: Kysely<DB>, readerId: string) {
  const extras = postExtras(db, sql.ref('p.id'), readerId);
  return db
    .selectFrom('posts as p')
    .leftJoin('users as u', 'u.id', 'p.authorId')
    .selectAll('p')
    .select('u.displayName as authorName')
    .select([extras.reactions.as('reactions'), extras.attachments.as('attachments')]);
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
  (db, p: { topicId: string; readerId: string; afterId: string | undefined; limit: number }) => {
    let query = db
      .selectFrom('posts as p')
      .leftJoin('users as u', 'u.id', 'p.authorId')
      // What a reply shows (every column costs on each of the many reads of a page). The Markdown
      // source only of the reader's own posts: no one else may edit them (see presentPosts).
      .select((eb) =>
        eb.case().when('p.authorId', '=', p.readerId).then(eb.ref('p.bodySource')).end().as('bodySource'),
      )
      .select([
        'p.id',
        'p.topicId',
        'p.authorId',
        'p.isOpening',
        'p.bodyHtml',
        'p.mentions',
        'p.editedAt',
        'p.deletedAt',
        'p.createdAt',
        'u.displayName as authorName',
      ])
      .select(() => {
        const extras = postExtras(db, sql.ref('p.id'), p.readerId);
        return [extras.reactions.as('reactions'), extras.attachments.as('attachments')];
      })
      .where('p.topicId', '=', p.topicId)
      .where('p.isOpening', '=', 0)
      .orderBy('p.id')
      .limit(p.limit);
    if (p.afterId !== undefined) query = query.where('p.id', '>', p.afterId);
    return query;
  },
  { values: ['topicId', 'readerId', 'afterId', 'limit'], jsonRows: true },
);

/**
 * Replies of a topic in the order they were written (ids are time-ordered), keyset after an id.
 * The Markdown source comes only with the reader's own replies.
 */
export function listReplies(
  db: Kysely<DB>,
  topicId: string,
  readerId: string,
  options: { afterId?: string; limit: number },
): Promise<PostSummaryRow[]> {
  return replyPage(db, { topicId, readerId, afterId: options.afterId || undefined, limit: options.limit });
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

/** Soft-deletes a reply and takes it out of the topic's reply count (once; never an opening post). */
export async function softDeleteReply(db: Kysely<DB>, post: PostRow, by: string, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('posts')
      .set({ deletedAt: at, deletedBy: by })
      .where('id', '=', post.id)
      .where('isOpening', '=', 0)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) {
      await trx
        .updateTable('topics')
        .set((eb) => ({ replyCount: eb('replyCount', '-', 1), updatedAt: at }))
        .where('id', '=', post.topicId)
        .execute();
    }
  });
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

// ---- read markers ----

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

// ---- attachments ----

/** Stores an upload's record. */
export async function insertAttachment(db: Kysely<DB>, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** One attachment of a network. */
export function findAttachment(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<AttachmentRow | undefined> {
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
