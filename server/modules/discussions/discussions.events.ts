import { isWrittenBy, NOBODY } from '../../../common/policies/content.ts';
import type { ServerEvents, ServerEventType } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notifyMany } from '../notifications/index.ts';
import { presentPost, presentTopicSummary, reactionsOf } from './discussions.presenter.ts';
import type { PostSummaryRow } from './posts.repository.ts';
import type { TopicSummaryRow } from './topics.repository.ts';

/*
 * Discussion events go to the network's room (the WebSocket layer only lets members who may read
 * the network in); mentions go to the mentioned member's own room. Content in them is what any
 * member may see (it is presented for nobody in particular): deleted posts travel as ids only.
 */

/** Tells the network about a new topic. */
export async function publishTopicCreated(ctx: AppContext, networkId: string, topic: TopicSummaryRow) {
  await publishSafely(ctx, rooms.network(networkId), 'topic.created', {
    networkId,
    topic: presentTopicSummary(topic, NOBODY),
  });
}

/** Tells the network that a topic changed (title, pin, lock, deletion). */
export async function publishTopicUpdated(ctx: AppContext, networkId: string, topic: TopicSummaryRow) {
  await publishSafely(ctx, rooms.network(networkId), 'topic.updated', {
    networkId,
    topic: presentTopicSummary(topic, NOBODY),
  });
}

/** Tells the network about a new reply; the row must have been read for nobody in particular. */
export async function publishReplyCreated(ctx: AppContext, network: NetworkRow, post: PostSummaryRow) {
  await publishSafely(ctx, rooms.network(network.id), 'reply.created', {
    networkId: network.id,
    topicId: post.topicId,
    post: presentPost(network.slug, post, NOBODY),
  });
}

/** Tells the network about an edited post; the row must have been read for nobody in particular. */
export async function publishReplyUpdated(ctx: AppContext, network: NetworkRow, post: PostSummaryRow) {
  await publishSafely(ctx, rooms.network(network.id), 'reply.updated', {
    networkId: network.id,
    topicId: post.topicId,
    post: presentPost(network.slug, post, NOBODY),
  });
}

/** Tells the network that a post was deleted (its id only). */
export async function publishReplyDeleted(
  ctx: AppContext,
  networkId: string,
  post: { id: string; topicId: string },
) {
  await publishSafely(ctx, rooms.network(networkId), 'reply.deleted', {
    networkId,
    topicId: post.topicId,
    postId: post.id,
  });
}

/** Tells the network a post's reaction counts; the row must have been read for nobody in particular. */
export async function publishReactionChanged(ctx: AppContext, networkId: string, post: PostSummaryRow) {
  await publishSafely(ctx, rooms.network(networkId), 'reaction.changed', {
    networkId,
    topicId: post.topicId,
    postId: post.id,
    reactions: reactionsOf(post),
  });
}

/** The post is saved by now: a failing fan-out is logged, never turned into an error for the writer. */
async function publishSafely<K extends ServerEventType>(
  ctx: AppContext,
  room: string,
  type: K,
  data: ServerEvents[K],
) {
  try {
    await ctx.realtime.publish(room, realtimeEvent(type, data));
  } catch (err) {
    ctx.log.warn({ err, room, type }, 'realtime publish failed');
  }
}

/** Tells members newly mentioned in a post (not its author, not those mentioned before an edit). */
export async function notifyMentions(
  ctx: AppContext,
  network: NetworkRow,
  topic: { id: string; title: string },
  post: { id: string; authorId: string | null },
  author: { id: string; displayName: string },
  mentions: string[],
  before: string[],
): Promise<void> {
  const told = mentions.filter((userId) => !isWrittenBy(post, userId) && !before.includes(userId));
  // Everyone's notification in one go, then each one's mention event.
  await notifyMany(
    ctx,
    told.map((userId) => ({
      userId,
      kind: 'mention' as const,
      networkId: network.id,
      actorId: author.id,
      topicId: topic.id,
      postId: post.id,
    })),
  );
  for (const userId of told) {
    await publishSafely(ctx, rooms.user(userId), 'mention.created', {
      networkId: network.id,
      networkSlug: network.slug,
      topicId: topic.id,
      topicTitle: topic.title,
      postId: post.id,
      by: { id: author.id, displayName: author.displayName },
    });
  }
}
