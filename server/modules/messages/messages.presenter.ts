import type {
  Conversation,
  ConversationList,
  Message,
  MessagePage,
  SyncResult,
} from '../../../common/contracts/messages.ts';
import type { HistoryMessageRow } from './messages.repository.ts';
import type { ConversationRow, MessageRow } from './messages.table.ts';

/** A conversation as one participant's data: who takes part, their last visible message, their unread count. */
export interface ConversationView extends ConversationRow {
  /** In joining order. */
  participants: {
    userId: string;
    displayName: string;
    erasedAt: string | null;
    lastReadMessageId: string | null;
  }[];
  lastMessage: MessageRow | undefined;
  unreadCount: number;
}

/** A page of a conversation's history (its messages newest first). */
export interface HistoryPageData {
  conversationId: string;
  rows: HistoryMessageRow[];
  nextCursor: string | null;
}

/** A page of message changes for the catch-up after a reconnect. */
export interface SyncPageData {
  rows: MessageRow[];
  nextSince: string | null;
  hasMore: boolean;
}

/** A message as the API and the socket show it. */
export function presentMessage(row: MessageRow): Message {
  return presentMessageIn(row.conversationId, row);
}

/** A message of a conversation the caller already knows (a history page does not read it back per message). */
export function presentMessageIn(conversationId: string, row: HistoryMessageRow): Message {
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

/** A history page, newest first. */
export function presentMessagePage(page: HistoryPageData): MessagePage {
  return {
    messages: page.rows.map((row) => presentMessageIn(page.conversationId, row)),
    nextCursor: page.nextCursor,
  };
}

/** A catch-up page, oldest change first. */
export function presentSyncResult(page: SyncPageData): SyncResult {
  return { messages: page.rows.map(presentMessage), nextSince: page.nextSince, hasMore: page.hasMore };
}

/** A conversation as one participant sees it (last message and unread count are theirs). */
export function presentConversation(view: ConversationView): Conversation {
  return {
    id: view.id,
    kind: view.kind,
    title: view.title,
    participants: view.participants.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      formerMember: p.erasedAt !== null,
      lastReadMessageId: p.lastReadMessageId,
    })),
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    lastActivityId: view.lastActivityId,
    lastMessage: view.lastMessage ? presentMessage(view.lastMessage) : null,
    unreadCount: view.unreadCount,
  };
}

/** A page of the user's conversations. */
export function presentConversationList(
  views: ConversationView[],
  nextCursor: string | null,
): ConversationList {
  return { conversations: views.map(presentConversation), nextCursor };
}
