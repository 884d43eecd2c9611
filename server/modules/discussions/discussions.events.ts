import type { ServerEvents, ServerEventType } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notify } from '../notifications/index.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';

type DiscussionEvent =
  | 'topic.created'
  | 'topic.updated'
  | 'reply.created'
  | 'reply.updated'
  | 'reply.deleted'
  | 'reaction.changed';

/**
 * Discussion events go to the network's room (the WebSocket layer only lets members who may read
 * the network in); mentions go to the mentioned member's own room. Content in them is what any
 * member may see: deleted posts travel as ids only.
 */
export async function publishToNetwork<K extends DiscussionEvent>(
  ctx: AppContext,
  networkId: string,
  type: K,
  data: ServerEvents[K],
): Promise<void> {
  await publishSafely(ctx, rooms.network(networkId), type, data);
}

/** Tells a member they were mentioned. */
export async function publishMention(
  ctx: AppContext,
  userId: string,
  data: ServerEvents['mention.created'],
): Promise<void> {
  await publishSafely(ctx, rooms.user(userId), 'mention.created', data);
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

/** Tells members newly mentioned in a post (not the author, not those mentioned before an edit). */
export async function notifyMentions(
  ctx: AppContext,
  network: NetworkRow,
  topic: { id: string; title: string },
  post: { id: string },
  author: { id: string; displayName: string },
  mentions: string[],
  before: string[],
): Promise<void> {
  for (const userId of mentions) {
    if (userId === author.id || before.includes(userId)) continue;
    await notify(ctx, {
      userId,
      kind: 'mention',
      networkId: network.id,
      actorId: author.id,
      topicId: topic.id,
      postId: post.id,
    });
    await publishMention(ctx, userId, {
      networkId: network.id,
      networkSlug: network.slug,
      topicId: topic.id,
      topicTitle: topic.title,
      postId: post.id,
      by: { id: author.id, displayName: author.displayName },
    });
  }
}
