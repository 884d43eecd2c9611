import type { Conversation, Message, Participant } from '../../../common/contracts/messages.ts';
import type { ConversationRow, MessageRow } from './messages.table.ts';

/** A message as the API and the socket show it. */
export function presentMessage(row: MessageRow): Message {
  return presentMessageIn(row.conversationId, row);
}

/** A message of a conversation the caller already knows (a history page does not read it back per message). */
export function presentMessageIn(conversationId: string, row: Omit<MessageRow, 'conversationId'>): Message {
  return {
    id: row.id,
    conversationId,
    senderId: row.senderId,
    clientId: row.clientId,
    body: row.body,
    html: row.html,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    revision: row.revision,
  };
}

/** A conversation as one participant sees it (last message and unread count are theirs). */
export function presentConversation(
  row: ConversationRow,
  participants: Participant[],
  lastMessage: MessageRow | undefined,
  unreadCount: number,
): Conversation {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    participants,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastActivityId: row.lastActivityId,
    lastMessage: lastMessage ? presentMessage(lastMessage) : null,
    unreadCount,
  };
}
