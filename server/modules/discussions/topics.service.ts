import type {
  CreateTopicBody,
  ModerateTopicBody,
  TopicListQuery,
} from '../../../common/contracts/discussions.ts';
import {
  authoredRow,
  type ContentReader,
  canDeleteContent,
  canEditContent,
  canSeeDeletedContent,
  isModeration,
} from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { notifyMentions, publishTopicCreated, publishTopicUpdated } from './discussions.events.ts';
import type { TopicRow } from './discussions.table.ts';
import { attachUploads, newPostRow, prepareBody } from './post-body.service.ts';
import { findOpeningPost } from './posts.repository.ts';
import { markRead } from './reads.repository.ts';
import { findSpace } from './spaces.repository.ts';
import {
  findTopic,
  insertTopic,
  listTopics,
  softDeleteTopic,
  type TopicListRow,
  type TopicSummaryRow,
  type TopicView,
  updateTopic,
} from './topics.repository.ts';

/** A topic of the network that the reader may open (deleted ones stay visible as such). */
export async function loadTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
): Promise<TopicListRow> {
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
  reader: ContentReader,
  query: TopicListQuery,
): Promise<{ page: TopicSummaryRow[]; nextCursor: string | null }> {
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
    includeDeleted: canSeeDeletedContent(reader),
    after,
    limit: query.limit + 1,
  });
  if (firstPage && rows.length === 0 && !(await spaceFound())) throw notFound();
  return paginate(rows, query.limit, (t) => [t.pinned, t.lastActivityAt, t.id]);
}

/** A topic with its opening post; the read marker is the one from before this visit. */
export async function getTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
): Promise<TopicView> {
  return withOpening(ctx, await loadTopic(ctx, network, reader, topicId), reader);
}

async function withOpening(ctx: AppContext, topic: TopicListRow, reader: ContentReader): Promise<TopicView> {
  const opening = await findOpeningPost(ctx.database.db, topic.id, reader.userId);
  if (!opening) throw notFound();
  return { ...topic, opening };
}

/** A member starts a topic in an open space; mentioned members are told. */
export async function startTopic(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  reader: ContentReader,
  body: CreateTopicBody,
): Promise<TopicView> {
  const space = await findSpace(ctx.database.db, network.id, body.spaceId);
  if (!space) throw notFound();
  if (space.archivedAt !== null) throw new AppError('SPACE_ARCHIVED', 409);
  const prepared = await prepareBody(ctx, network.id, body.body);
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
    hiddenAt: null,
    hiddenBy: null,
    replyCount: 0,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const opening = newPostRow(topic, author.id, prepared, true, now);
  await withTransaction(ctx, async (tx) => {
    await insertTopic(tx.database.db, topic, opening);
    await attachUploads(tx, opening, body.attachmentIds);
  });
  // Writing a topic is reading it.
  await markRead(ctx.database.db, topic.id, author.id, opening.id, now);
  const row = await loadTopic(ctx, network, reader, topic.id);
  await publishTopicCreated(ctx, network.id, row);
  await notifyMentions(ctx, network, row, opening, author, prepared.mentions, []);
  return withOpening(ctx, row, reader);
}

/** The author changes the title. */
export async function renameTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
  title: string,
): Promise<TopicView> {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, false);
  if (!canEditContent(reader, authoredRow(topic))) throw forbidden();
  await updateTopic(ctx.database.db, topic.id, { title, updatedAt: isoNow() });
  return afterTopicChange(ctx, network, reader, topic.id);
}

/** A meta-mentor pins or locks a topic. */
export async function moderateTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
  body: ModerateTopicBody,
): Promise<TopicView> {
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

/** The author or a moderator deletes a topic (soft: moderators still see it); a moderator's deletion is audited. */
export async function removeTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
): Promise<TopicView> {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, false);
  if (!canDeleteContent(reader, authoredRow(topic))) throw forbidden();
  await withTransaction(ctx, async (tx) => {
    await softDeleteTopic(tx.database.db, topic.id, reader.userId, isoNow());
    if (isModeration(reader, topic)) {
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
  reader: ContentReader,
  topicId: string,
): Promise<TopicView> {
  const row = await loadTopic(ctx, network, reader, topicId);
  await publishTopicUpdated(ctx, network.id, row);
  return withOpening(ctx, row, reader);
}
