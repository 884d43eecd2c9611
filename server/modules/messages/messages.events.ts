import type { ReadState } from '../../../common/contracts/messages.ts';
import type { ServerEvents } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import { type ConversationView, presentConversation, presentMessage } from './messages.presenter.ts';
import { listConversationIdsOf } from './messages.repository.ts';
import type { MessageRow } from './messages.table.ts';

/**
 * Where message events go. Everything about a conversation goes to its room
 * (`rooms.conversation(id)`), which the sockets of its participants join: one publication (and one
 * NOTIFY across instances) per event, whatever the group size. A new conversation is announced in
 * each new participant's user room instead: their sockets join its room on that event, before
 * any message of it can follow.
 */
async function publish<K extends keyof ServerEvents>(
  ctx: AppContext,
  room: string,
  type: K,
  data: ServerEvents[K],
  id?: string,
): Promise<void> {
  await ctx.realtime.publish(room, realtimeEvent(type, data, id));
}

/** Announces a conversation to people who just became its participants. */
export async function publishConversationCreated(
  ctx: AppContext,
  conversation: ConversationView,
  userIds: string[],
) {
  const data = { conversation: presentConversation({ ...conversation, unreadCount: 0 }) };
  for (const userId of userIds) await publish(ctx, rooms.user(userId), 'conversation.created', data);
}

/** Tells participants that a conversation's participants changed (unread counts are per reader: 0). */
export function publishConversationUpdated(ctx: AppContext, conversation: ConversationView) {
  return publish(ctx, rooms.conversation(conversation.id), 'conversation.updated', {
    conversation: presentConversation({ ...conversation, lastMessage: undefined, unreadCount: 0 }),
  });
}

/** Tells the remaining participants (and the leaver's other tabs) that someone left. */
export function publishConversationLeft(ctx: AppContext, conversationId: string, userId: string) {
  return publish(ctx, rooms.conversation(conversationId), 'conversation.left', { conversationId, userId });
}

/** message.created / updated / deleted, with the revision as event id (the sync cursor). */
export function publishMessage(
  ctx: AppContext,
  type: 'message.created' | 'message.updated' | 'message.deleted',
  row: MessageRow,
) {
  return publish(
    ctx,
    rooms.conversation(row.conversationId),
    type,
    { message: presentMessage(row) },
    row.revision,
  );
}

/** Tells the participants that someone's read mark moved. */
export function publishRead(ctx: AppContext, state: ReadState) {
  return publish(ctx, rooms.conversation(state.conversationId), 'message.read', state);
}

/** A user's sockets are in the room of every conversation they take part in. */
export function registerConversationRooms(ctx: AppContext): void {
  ctx.realtime.addRoomResolver(async (userId) =>
    (await listConversationIdsOf(ctx.database.db, userId)).map((id) => rooms.conversation(id)),
  );
}
