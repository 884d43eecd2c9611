import type {
  CreateTopicBody,
  ModerateTopicBody,
  Topic,
  TopicList,
  TopicListQuery,
} from '../../../common/contracts/discussions.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { withTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { notifyMentions, publishToNetwork } from './discussions.events.ts';
import { NEUTRAL_READER, presentPosts, presentTopicSummary, type Reader } from './discussions.presenter.ts';
import { claimAttachments, findOpeningPost, findPost, latestPostId } from './posts.repository.ts';
import { markRead } from './reads.repository.ts';
import { findSpace } from './spaces.repository.ts';
import {
  findTopic,
  insertTopic,
  listTopics,
  softDeleteTopic,
  type TopicListRow,
  updateTopic,
} from './topics.repository.ts';
import type { PostRow, TopicRow } from './discussions.table.ts';
import { prepareBody } from './post-body.ts';

/** A topic of the network that the reader may open (deleted ones stay visible as such). */
export async function loadTopic(ctx: AppContext, network: NetworkRow, reader: Reader, topicId: string) {
  const topic = await findTopic(ctx.database.db, network.id, topicId, reader.userId);
  if (!topic) throw notFound();
  return topic;
}

/** A topic that may still be written to: not deleted (404), and for replies not locked (TOPIC_LOCKED). */
export function assertWritable(topic: TopicRow, forReply: boolean): void {
  if (topic.deletedAt !== null) throw notFound();
  if (forReply && topic.lockedAt !== null) throw new AppError('TOPIC_LOCKED', 409);
}

/** Topics of a network or one of its spaces, pinned first, then by last activity. */
export async function getTopics(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  query: TopicListQuery,
): Promise<TopicList> {
  const db = ctx.database.db;
  // A topic is always in a space of its own network (startTopic checks it; neither moves), so a
  // first page with topics of the space shows the space is this network's: only an empty first page
  // needs the lookup. Later pages look first, as before, so a bad cursor of a foreign space is a 404.
  const firstPage = query.cursor === undefined;
  const spaceFound = async () =>
    !query.spaceId || (await findSpace(db, network.id, query.spaceId)) !== undefined;
  if (!firstPage && !(await spaceFound())) throw notFound();
  const after = decodeCursor(query.cursor, 3) as [number, string, string] | undefined;
  const rows = await listTopics(db, {
    networkId: network.id,
    spaceId: query.spaceId,
    viewerId: reader.userId,
    includeDeleted: reader.isModerator,
    after,
    limit: query.limit + 1,
  });
  if (firstPage && rows.length === 0 && !(await spaceFound())) throw notFound();
  const { page, nextCursor } = paginate(rows, query.limit, (t) => [t.pinned, t.lastActivityAt, t.id]);
  return { topics: page.map((t) => presentTopicSummary(t, reader)), nextCursor };
}

/** A topic with its opening post; the read marker is the one from before this visit. */
export async function getTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
): Promise<Topic> {
  return presentTopic(ctx, network, await loadTopic(ctx, network, reader, topicId), reader);
}

async function presentTopic(
  ctx: AppContext,
  network: NetworkRow,
  topic: TopicListRow,
  reader: Reader,
): Promise<Topic> {
  const opening = await findOpeningPost(ctx.database.db, topic.id, reader.userId);
  if (!opening) throw notFound();
  const [post] = presentPosts(network.slug, [opening], reader);
  if (!post) throw notFound();
  return { ...presentTopicSummary(topic, reader), opening: post, lastReadPostId: topic.lastReadPostId };
}

/** A member starts a topic in an open space; mentioned members are told. */
export async function startTopic(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  reader: Reader,
  body: CreateTopicBody,
): Promise<Topic> {
  const db = ctx.database.db;
  const space = await findSpace(db, network.id, body.spaceId);
  if (!space) throw notFound();
  if (space.archivedAt !== null) throw new AppError('SPACE_ARCHIVED', 409);
  const prepared = await prepareBody(db, network.id, body.body);
  const now = isoNow();
  const topic: TopicRow = {
    id: newId(),
    networkId: network.id,
    spaceId: space.id,
    authorId: author.id,
    title: body.title,
    pinned: 0,
    lockedAt: null,
    deletedAt: null,
    deletedBy: null,
    replyCount: 0,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const opening: PostRow = {
    id: newId(),
    networkId: network.id,
    topicId: topic.id,
    authorId: author.id,
    isOpening: 1,
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    mentions: JSON.stringify(prepared.mentions),
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    createdAt: now,
  };
  await withTransaction(ctx, async (tx) => {
    await insertTopic(tx.database.db, topic, opening);
    if (!(await claimAttachments(tx.database.db, opening, body.attachmentIds)))
      throw new AppError('ATTACHMENT_INVALID', 400);
  });
  // Writing a topic is reading it.
  await markRead(db, topic.id, author.id, opening.id, now);
  const row = await loadTopic(ctx, network, reader, topic.id);
  await publishToNetwork(ctx, network.id, 'topic.created', {
    networkId: network.id,
    topic: presentTopicSummary(row, NEUTRAL_READER),
  });
  await notifyMentions(ctx, network, row, opening, author, prepared.mentions, []);
  return presentTopic(ctx, network, row, reader);
}

/** The author changes the title. */
export async function renameTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
  title: string,
) {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, false);
  if (topic.authorId !== reader.userId) throw forbidden();
  await updateTopic(ctx.database.db, topic.id, { title, updatedAt: isoNow() });
  return afterTopicChange(ctx, network, reader, topic.id);
}

/** A meta-mentor pins or locks a topic. */
export async function moderateTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
  body: ModerateTopicBody,
): Promise<Topic> {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, false);
  const now = isoNow();
  await updateTopic(ctx.database.db, topic.id, {
    ...(body.pinned !== undefined && { pinned: body.pinned ? 1 : 0 }),
    ...(body.locked !== undefined && { lockedAt: body.locked ? (topic.lockedAt ?? now) : null }),
    updatedAt: now,
  });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: reader.userId,
    action: 'topic.moderated',
    details: { topicId, ...body },
  });
  return afterTopicChange(ctx, network, reader, topic.id);
}

/** The author or a moderator deletes a topic (soft: moderators still see it). */
export async function removeTopic(ctx: AppContext, network: NetworkRow, reader: Reader, topicId: string) {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, false);
  if (topic.authorId !== reader.userId && !reader.isModerator) throw forbidden();
  await withTransaction(ctx, async (tx) => {
    await softDeleteTopic(tx.database.db, topic.id, reader.userId, isoNow());
    if (topic.authorId !== reader.userId) {
      await recordAudit(tx, {
        networkId: network.id,
        actorId: reader.userId,
        subjectUserId: topic.authorId,
        action: 'topic.deleted',
        details: { topicId },
      });
    }
  });
  return afterTopicChange(ctx, network, reader, topic.id);
}

async function afterTopicChange(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
): Promise<Topic> {
  const row = await loadTopic(ctx, network, reader, topicId);
  await publishToNetwork(ctx, network.id, 'topic.updated', {
    networkId: network.id,
    topic: presentTopicSummary(row, NEUTRAL_READER),
  });
  return presentTopic(ctx, network, row, reader);
}

/** Moves the reader's "last read" marker to a post of the topic (default: its newest). */
export async function readTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
  postId: string | undefined,
): Promise<void> {
  const db = ctx.database.db;
  const topic = await loadTopic(ctx, network, reader, topicId);
  let target = postId;
  if (target === undefined) target = await latestPostId(db, topic.id);
  else {
    const post = await findPost(db, network.id, target);
    if (!post || post.topicId !== topic.id) throw notFound();
  }
  if (target) await markRead(db, topic.id, reader.userId, target, isoNow());
}
