import type { z } from 'zod';
import type { CreateReplyBody, Reaction } from '../../../common/contracts/discussions.ts';
import type { PageQuery } from '../../../common/contracts/networks.ts';
import {
  authoredRow,
  type ContentReader,
  canDeleteContent,
  canEditContent,
  canSeeDeletedContent,
  isModeration,
  NOBODY,
} from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { forbidden, notFound } from '../../errors.ts';
import { pageUnderParent, paginate } from '../../lib/cursor.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notifyReply } from '../notifications/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  notifyMentions,
  publishReactionChanged,
  publishReplyCreated,
  publishReplyDeleted,
  publishReplyUpdated,
} from './discussions.events.ts';
import { attachUploads, newPostRow, prepareBody } from './post-body.service.ts';
import {
  findPost,
  insertReply,
  listReplies,
  type PostListRow,
  type PostSummaryRow,
  softDeleteReply,
  toggleReaction,
  updatePost,
} from './posts.repository.ts';
import { markRead } from './reads.repository.ts';
import { findTopicState } from './topics.repository.ts';
import { assertWritable, loadTopic, removeTopic } from './topics.service.ts';

type Page = z.infer<typeof PageQuery>;

/** Replies of a topic, oldest first. Readers who may not see a deleted topic get no replies. */
export async function getReplies(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
  query: Page,
): Promise<{ page: PostSummaryRow[]; nextCursor: string | null }> {
  const db = ctx.database.db;
  const withDeleted = canSeeDeletedContent(reader);
  // One statement for a page with replies: they come only from a topic of this network that the
  // reader may see. An empty page may be a missing topic (404) or a deleted one (no replies).
  const rows = await pageUnderParent({
    cursor: query.cursor,
    arity: 1,
    read: (after) =>
      listReplies(db, { networkId: network.id, id: topicId }, reader.userId, {
        afterId: after?.[0] as string | undefined,
        limit: query.limit + 1,
        withDeleted,
      }),
    hidden: async () => {
      const topic = await findTopicState(db, network.id, topicId);
      if (!topic) throw notFound();
      return topic.deletedAt !== null && !withDeleted;
    },
  });
  return paginate(rows, query.limit, (p) => [p.id]);
}

/** A post of the network with its reactions as the reader sees them (for nobody in particular: NOBODY). */
async function readPost(
  ctx: AppContext,
  network: NetworkRow,
  postId: string,
  reader: ContentReader,
): Promise<PostListRow> {
  const row = await findPost(ctx.database.db, network.id, postId, reader.userId);
  if (!row) throw notFound();
  return row;
}

/**
 * A member replies to an open topic; mentioned members are told. `inTransaction` runs last in the
 * transaction that stores the reply, with the reply as `reader` sees it (e.g. to store the answer).
 */
export async function reply(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  reader: ContentReader,
  topicId: string,
  body: CreateReplyBody,
  inTransaction?: (tx: AppContext, post: PostListRow) => Promise<void>,
): Promise<PostListRow> {
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, true);
  const prepared = await prepareBody(ctx, network.id, body.body);
  const now = isoNow();
  const post = newPostRow(topic, author.id, prepared, false, now);
  await withTransaction(ctx, async (tx) => {
    await insertReply(tx.database.db, post);
    await attachUploads(tx, post, body.attachmentIds);
    if (inTransaction) await inTransaction(tx, await readPost(tx, network, post.id, reader));
  });
  await markRead(ctx.database.db, topic.id, author.id, post.id, now);
  await publishReplyCreated(ctx, network, await readPost(ctx, network, post.id, NOBODY));
  await notifyMentions(ctx, network, topic, post, author, prepared.mentions, []);
  await notifyReply(ctx, {
    networkId: network.id,
    topicId: topic.id,
    postId: post.id,
    authorId: author.id,
    mentions: prepared.mentions,
  });
  return readPost(ctx, network, post.id, reader);
}

async function loadLivePost(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  postId: string,
): Promise<PostListRow> {
  const post = await findPost(ctx.database.db, network.id, postId);
  if (!post || post.deletedAt !== null) throw notFound();
  const topic = await loadTopic(ctx, network, reader, post.topicId);
  assertWritable(topic, false);
  return post;
}

/** The author edits a post (opening post or reply); it is marked edited. */
export async function editPost(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  reader: ContentReader,
  postId: string,
  source: string,
): Promise<PostListRow> {
  const post = await loadLivePost(ctx, network, reader, postId);
  if (!canEditContent(reader, authoredRow(post))) throw forbidden();
  const prepared = await prepareBody(ctx, network.id, source);
  await updatePost(ctx.database.db, post.id, {
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    mentions: JSON.stringify(prepared.mentions),
    editedAt: isoNow(),
  });
  await publishReplyUpdated(ctx, network, await readPost(ctx, network, post.id, NOBODY));
  const topic = await loadTopic(ctx, network, reader, post.topicId);
  await notifyMentions(
    ctx,
    network,
    topic,
    post,
    author,
    prepared.mentions,
    JSON.parse(post.mentions) as string[],
  );
  return readPost(ctx, network, post.id, reader);
}

/**
 * The author or a moderator deletes a post (soft); deleting the opening post deletes the topic. A
 * moderator's deletion of someone else's post is audited.
 */
export async function deletePost(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  postId: string,
): Promise<PostListRow> {
  const post = await loadLivePost(ctx, network, reader, postId);
  if (!canDeleteContent(reader, authoredRow(post))) throw forbidden();
  if (post.isOpening === 1) {
    await removeTopic(ctx, network, reader, post.topicId);
  } else {
    await withTransaction(ctx, async (tx) => {
      await softDeleteReply(tx.database.db, post, reader.userId, isoNow());
      if (isModeration(reader, post)) {
        await recordAudit(tx, {
          networkId: network.id,
          actorId: reader.userId,
          subjectUserId: post.authorId,
          action: 'post.deleted',
          details: { topicId: post.topicId, postId },
        });
      }
    });
  }
  await publishReplyDeleted(ctx, network.id, post);
  return readPost(ctx, network, post.id, reader);
}

/** Toggles one of the fixed reactions on a post; the post as the reader sees it afterwards. */
export async function reactToPost(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  postId: string,
  reaction: Reaction,
): Promise<PostListRow> {
  const db = ctx.database.db;
  const post = await loadLivePost(ctx, network, reader, postId);
  await toggleReaction(db, post.id, reader.userId, reaction, isoNow());
  const [mine, neutral] = await Promise.all([
    findPost(db, network.id, post.id, reader.userId),
    findPost(db, network.id, post.id),
  ]);
  if (!mine || !neutral) throw notFound();
  await publishReactionChanged(ctx, network.id, neutral);
  return mine;
}
