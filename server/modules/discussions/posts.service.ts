import type { z } from 'zod';
import type {
  CreateReplyBody,
  Post,
  ReactionState,
  ReplyList,
  Reaction,
} from '../../../common/contracts/discussions.ts';
import type { PageQuery } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { withTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notifyReply } from '../notifications/index.ts';
import type { UserRow } from '../users/index.ts';
import { notifyMentions, publishToNetwork } from './discussions.events.ts';
import { NEUTRAL_READER, presentPosts, type Reader, reactionsOf } from './discussions.presenter.ts';
import {
  claimAttachments,
  findPost,
  insertReply,
  listReplies,
  type PostListRow,
  softDeleteReply,
  toggleReaction,
  updatePost,
} from './posts.repository.ts';
import { markRead } from './reads.repository.ts';
import { findTopicState } from './topics.repository.ts';
import type { PostRow } from './discussions.table.ts';
import { prepareBody } from './post-body.ts';
import { assertWritable, loadTopic, removeTopic } from './topics.service.ts';

type Page = z.infer<typeof PageQuery>;

/** Replies of a topic, oldest first. Readers who may not see a deleted topic get no replies. */
export async function getReplies(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  topicId: string,
  query: Page,
): Promise<ReplyList> {
  const topic = await findTopicState(ctx.database.db, network.id, topicId);
  if (!topic) throw notFound();
  if (topic.deletedAt !== null && !reader.isModerator) return { replies: [], nextCursor: null };
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  const rows = await listReplies(ctx.database.db, topic.id, reader.userId, {
    afterId: after?.[0],
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (p) => [p.id]);
  return { replies: presentPosts(network.slug, page, reader), nextCursor };
}

async function presentOne(
  ctx: AppContext,
  network: NetworkRow,
  postId: string,
  reader: Reader,
): Promise<Post> {
  const row = await findPost(ctx.database.db, network.id, postId, reader.userId);
  if (!row) throw notFound();
  const [post] = presentPosts(network.slug, [row], reader);
  if (!post) throw notFound();
  return post;
}

/** A member replies to an open topic; mentioned members are told. */
export async function reply(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  reader: Reader,
  topicId: string,
  body: CreateReplyBody,
): Promise<Post> {
  const db = ctx.database.db;
  const topic = await loadTopic(ctx, network, reader, topicId);
  assertWritable(topic, true);
  const prepared = await prepareBody(db, network.id, body.body);
  const now = isoNow();
  const post: PostRow = {
    id: newId(),
    networkId: network.id,
    topicId: topic.id,
    authorId: author.id,
    isOpening: 0,
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    mentions: JSON.stringify(prepared.mentions),
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    createdAt: now,
  };
  await withTransaction(ctx, async (tx) => {
    await insertReply(tx.database.db, post);
    if (!(await claimAttachments(tx.database.db, post, body.attachmentIds)))
      throw new AppError('ATTACHMENT_INVALID', 400);
  });
  await markRead(db, topic.id, author.id, post.id, now);
  await publishToNetwork(ctx, network.id, 'reply.created', {
    networkId: network.id,
    topicId: topic.id,
    post: await presentOne(ctx, network, post.id, NEUTRAL_READER),
  });
  await notifyMentions(ctx, network, topic, post, author, prepared.mentions, []);
  await notifyReply(ctx, {
    networkId: network.id,
    topicId: topic.id,
    postId: post.id,
    authorId: author.id,
    mentions: prepared.mentions,
  });
  return presentOne(ctx, network, post.id, reader);
}

async function loadLivePost(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
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
  reader: Reader,
  postId: string,
  source: string,
): Promise<Post> {
  const db = ctx.database.db;
  const post = await loadLivePost(ctx, network, reader, postId);
  if (post.authorId !== author.id) throw forbidden();
  const prepared = await prepareBody(db, network.id, source);
  await updatePost(db, post.id, {
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    mentions: JSON.stringify(prepared.mentions),
    editedAt: isoNow(),
  });
  await publishToNetwork(ctx, network.id, 'reply.updated', {
    networkId: network.id,
    topicId: post.topicId,
    post: await presentOne(ctx, network, post.id, NEUTRAL_READER),
  });
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
  return presentOne(ctx, network, post.id, reader);
}

/** The author or a moderator deletes a post (soft); deleting the opening post deletes the topic. */
export async function deletePost(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  postId: string,
): Promise<Post> {
  const post = await loadLivePost(ctx, network, reader, postId);
  if (post.authorId !== reader.userId && !reader.isModerator) throw forbidden();
  if (post.isOpening === 1) {
    await removeTopic(ctx, network, reader, post.topicId);
  } else {
    await withTransaction(ctx, async (tx) => {
      await softDeleteReply(tx.database.db, post, reader.userId, isoNow());
      if (post.authorId !== reader.userId) {
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
  await publishToNetwork(ctx, network.id, 'reply.deleted', {
    networkId: network.id,
    topicId: post.topicId,
    postId,
  });
  return presentOne(ctx, network, post.id, reader);
}

/** Toggles one of the fixed reactions on a post. */
export async function reactToPost(
  ctx: AppContext,
  network: NetworkRow,
  reader: Reader,
  postId: string,
  reaction: Reaction,
): Promise<ReactionState> {
  const db = ctx.database.db;
  const post = await loadLivePost(ctx, network, reader, postId);
  await toggleReaction(db, post.id, reader.userId, reaction, isoNow());
  const [mine, neutral] = await Promise.all([
    findPost(db, network.id, post.id, reader.userId),
    findPost(db, network.id, post.id),
  ]);
  if (!mine || !neutral) throw notFound();
  await publishToNetwork(ctx, network.id, 'reaction.changed', {
    networkId: network.id,
    topicId: post.topicId,
    postId: post.id,
    reactions: reactionsOf(neutral),
  });
  return { postId: post.id, reactions: reactionsOf(mine) };
}
