import type { Selectable } from 'kysely';

export type ConversationKind = 'direct' | 'group';

export interface ConversationsTable {
  id: string;
  kind: ConversationKind;
  title: string | null;
  /** "<smaller user id>:<larger user id>" for direct conversations, null for groups. */
  directKey: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** The newest message id, or the conversation id while there is none (UUIDv7: time-ordered). */
  lastActivityId: string;
}
export type ConversationRow = Selectable<ConversationsTable>;

export interface ConversationParticipantsTable {
  conversationId: string;
  userId: string;
  /** Messages with a larger id are visible to this participant ('' = all of them). */
  historyFrom: string;
  lastReadMessageId: string | null;
  joinedAt: string;
}
export type ConversationParticipantRow = Selectable<ConversationParticipantsTable>;

export interface MessagesTable {
  id: string;
  conversationId: string;
  senderId: string;
  /** Chosen by the client per message; a retry with the same one returns the first message. */
  clientId: string;
  body: string;
  /** Sanitised HTML rendered from the body. */
  html: string;
  /** A new time-ordered id on every change (= id when unchanged); the sync cursor. */
  revision: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}
export type MessageRow = Selectable<MessagesTable>;
