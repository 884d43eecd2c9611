import type { Kysely } from 'kysely';
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

export interface PostListRow extends PostRow {
  authorName: string | null;
}

/** A post as a page of replies shows it; the Markdown source is left out (null) for readers who may not edit it. */
export type PostSummaryRow = Omit<PostListRow, 'networkId' | 'deletedBy' | 'bodySource'> & {
  bodySource: string | null;
};

function postsWithAuthors(db: Kysely<DB>) {
  return db
    .selectFrom('posts as p')
    .leftJoin('users as u', 'u.id', 'p.authorId')
    .selectAll('p')
    .select('u.displayName as authorName');
}

/** One post of a network (a post id from another network is not found). */
export function findPost(
  db: Kysely<DB>,
  networkId: string,
  postId: string,
): Promise<PostListRow | undefined> {
  return postsWithAuthors(db)
    .where('p.networkId', '=', networkId)
    .where('p.id', '=', postId)
    .executeTakeFirst();
}

/** The opening post of a topic. */
export function findOpeningPost(db: Kysely<DB>, topicId: string): Promise<PostListRow | undefined> {
  return postsWithAuthors(db)
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

/**
 * The posts whose reactions and attachments are shown are a page of one topic (or one post): they
 * are looked up as that topic's posts from the first id to the last, one range of posts_topic_idx,
 * instead of a list of ids (bound one by one, padded to 64 for a page of 20: twice the time). The
 * range may hold posts that are not shown (the opening post among replies); callers match by post.
 */
type PostRange = { topicId: string; fromId: string; toId: string };

/** The topics of some posts with the range of their ids in each. */
function rangesOf(posts: readonly { id: string; topicId: string }[]): PostRange[] {
  const ranges = new Map<string, PostRange>();
  for (const { id, topicId } of posts) {
    const range = ranges.get(topicId);
    if (!range) ranges.set(topicId, { topicId, fromId: id, toId: id });
    else if (id < range.fromId) range.fromId = id;
    else if (id > range.toId) range.toId = id;
  }
  return [...ranges.values()];
}

/**
 * The posts of a range, to join a table keyed by post id to: one range scan of posts_topic_idx with
 * a probe per post. (As `post_id in (select …)` SQLite first builds a temporary list of the ids:
 * 13 → 9 µs for a page of 20 replies without reactions or attachments.)
 */
function postsInRange(db: Kysely<DB>, range: PostRange) {
  return db
    .selectFrom('posts as p')
    .where('p.topicId', '=', range.topicId)
    .where('p.id', '>=', range.fromId)
    .where('p.id', '<=', range.toId);
}

/** Reaction counts per post and reaction, with whether the viewer gave it. */
const reactionCounts = precompiled(
  (db, p: PostRange & { viewerId: string }) =>
    postsInRange(db, p)
      .innerJoin('postReactions as r', 'r.postId', 'p.id')
      .select(['r.postId', 'r.reaction'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .select((eb) =>
        eb.fn.sum<number>(eb.case().when('r.userId', '=', p.viewerId).then(1).else(0).end()).as('mine'),
      )
      .groupBy(['r.postId', 'r.reaction']),
  { values: ['topicId', 'fromId', 'toId', 'viewerId'], jsonRows: true },
);

/** Reaction counts of some posts (and possibly of posts between them in their topic), with the viewer's own. */
export async function listReactions(
  db: Kysely<DB>,
  posts: readonly { id: string; topicId: string }[],
  viewerId: string,
) {
  const rows = [];
  for (const range of rangesOf(posts)) rows.push(...(await reactionCounts(db, { ...range, viewerId })));
  return rows.map((r) => ({
    postId: r.postId,
    reaction: r.reaction,
    count: Number(r.count),
    mine: Number(r.mine) > 0,
  }));
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

const attachmentsOfPosts = precompiled(
  (db, p: PostRange) =>
    postsInRange(db, p).innerJoin('attachments as x', 'x.postId', 'p.id').selectAll('x').orderBy('x.id'),
  { values: ['topicId', 'fromId', 'toId'] },
);

/** The attachments of some posts (and possibly of posts between them in their topic), oldest first per post. */
export async function listAttachments(
  db: Kysely<DB>,
  posts: readonly { id: string; topicId: string }[],
): Promise<AttachmentRow[]> {
  const rows: AttachmentRow[] = [];
  for (const range of rangesOf(posts)) rows.push(...(await attachmentsOfPosts(db, range)));
  return rows;
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
