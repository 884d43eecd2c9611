import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { getStandings } from '../networks/index.ts';
import { listTopicParticipants } from './notifications.repository.ts';
import { notifyMany } from './notify.service.ts';

/** Those of the users who take part in the network (active, current agreement accepted), in one query. */
async function takingPart(ctx: AppContext, networkId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const standings = await getStandings(ctx, userIds);
  return userIds.filter((id) =>
    (standings.get(id) ?? []).some((s) => s.networkId === networkId && takesPart(s)),
  );
}

/**
 * A reply concerns everyone who wrote in the topic (its starter and earlier repliers), except its
 * author and those it mentions (they get a mention instead: one notification, not two), and only
 * members who may still read the network.
 */
export async function notifyReply(
  ctx: AppContext,
  reply: { networkId: string; topicId: string; postId: string; authorId: string; mentions: string[] },
): Promise<void> {
  const db = ctx.database.db;
  try {
    const participants = (await listTopicParticipants(db, reply.topicId)).filter(
      (id) => id !== reply.authorId && !reply.mentions.includes(id),
    );
    const recipients = await takingPart(ctx, reply.networkId, participants);
    await notifyMany(
      ctx,
      recipients.map((userId) => ({
        userId,
        kind: 'reply' as const,
        networkId: reply.networkId,
        actorId: reply.authorId,
        topicId: reply.topicId,
        postId: reply.postId,
      })),
    );
  } catch (err) {
    ctx.log.error({ err, postId: reply.postId }, 'reply notifications failed');
  }
}

/** A new message notifies the other participants (grouped per conversation while unread). */
export async function notifyMessage(
  ctx: AppContext,
  message: { conversationId: string; messageId: string; senderId: string; recipientIds: string[] },
): Promise<void> {
  await notifyMany(
    ctx,
    message.recipientIds.map((userId) => ({
      userId,
      kind: 'message' as const,
      actorId: message.senderId,
      conversationId: message.conversationId,
      messageId: message.messageId,
    })),
  );
}
