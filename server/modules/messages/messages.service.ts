import type {
  ReadState,
  SendMessageBody,
  SyncQuery,
  UnreadCounts,
} from '../../../common/contracts/messages.ts';
import { canChangeMessage } from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { withTransaction } from '../../db/transaction.ts';
import { encodeCursor, pageUnderParent } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { isoNow, MINUTE } from '../../lib/time.ts';
import { notifyMessage } from '../notifications/index.ts';
import { loadParticipation } from './conversations.service.ts';
import { publishMessage, publishRead } from './messages.events.ts';
import type { HistoryPageData, SyncPageData } from './messages.presenter.ts';
import {
  advanceReadMark,
  countUnread,
  findHistoryStart,
  findMessage,
  findMessageByClientId,
  insertMessage,
  listChangesSince,
  listMessages,
  listParticipants,
  touchConversation,
  updateMessage,
} from './messages.repository.ts';
import type { MessageRow } from './messages.table.ts';
import { assertCanMessageAny, assertNotBlocked } from './messaging-policy.ts';

/** Sends per person and minute, across instances (the rate limiter lives in the database). */
const SEND_RULE = { limit: 60, windowMs: MINUTE };

/**
 * Sends a message. A retry with the same clientId returns the first message (`created: false`)
 * instead of sending it twice. The sender must still share a network with someone in it.
 * `inTransaction` runs last in the transaction that stores a new message (e.g. to store the answer).
 */
export async function sendMessage(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  body: SendMessageBody,
  inTransaction?: (tx: AppContext, message: MessageRow) => Promise<void>,
): Promise<{ message: MessageRow; created: boolean }> {
  const db = ctx.database.db;
  const { conversation } = await loadParticipation(ctx, userId, conversationId);
  const existing = await findMessageByClientId(db, userId, body.clientId);
  if (existing) return { message: sameConversation(existing, conversationId), created: false };

  const others = (await listParticipants(db, [conversationId]))
    .map((p) => p.userId)
    .filter((id) => id !== userId);
  if (others.length > 0) await assertCanMessageAny(ctx, userId, others);
  // A 1:1 conversation stops when either of the two blocked the other.
  const [other] = others;
  if (conversation.kind === 'direct' && other) await assertNotBlocked(ctx, userId, other);
  await ctx.rateLimiter.hit(`messages.send:${userId}`, SEND_RULE);

  const now = isoNow();
  const id = newId();
  const row: MessageRow = {
    id,
    conversationId,
    senderId: userId,
    clientId: body.clientId,
    body: body.body,
    html: renderMarkdown(body.body),
    revision: id,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
  const inserted = await withTransaction(ctx, async (tx) => {
    const txDb = tx.database.db;
    if (!(await insertMessage(txDb, row))) return false;
    await touchConversation(txDb, conversationId, id, now);
    // Writing is reading: the sender's own read mark moves to their message.
    await advanceReadMark(txDb, conversationId, userId, id);
    if (inTransaction) await inTransaction(tx, row);
    return true;
  });
  if (!inserted) {
    // The same clientId arrived twice at once: the other request stored it.
    const winner = await findMessageByClientId(db, userId, body.clientId);
    if (!winner) throw notFound();
    return { message: sameConversation(winner, conversationId), created: false };
  }
  await publishMessage(ctx, 'message.created', row);
  await notifyMessage(ctx, { conversationId, messageId: id, senderId: userId, recipientIds: others });
  return { message: row, created: true };
}

function sameConversation(row: MessageRow, conversationId: string): MessageRow {
  if (row.conversationId !== conversationId) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['clientId'], code: 'invalid', message: 'already used for a message elsewhere' },
    ]);
  }
  return row;
}

/** A message the user may see (404 otherwise) and, for changes, wrote (403 otherwise). */
async function loadOwnMessage(ctx: AppContext, userId: string, messageId: string): Promise<MessageRow> {
  const row = await findMessage(ctx.database.db, messageId);
  if (!row) throw notFound();
  const { participant } = await loadParticipation(ctx, userId, row.conversationId);
  if (row.id <= participant.historyFrom || row.deletedAt) throw notFound();
  if (!canChangeMessage(userId, row)) throw forbidden();
  return row;
}

/** Edits one's own message (marked edited; a new revision for sync). */
export async function editMessage(
  ctx: AppContext,
  userId: string,
  messageId: string,
  body: string,
): Promise<MessageRow> {
  await loadOwnMessage(ctx, userId, messageId);
  const updated = await updateMessage(ctx.database.db, messageId, {
    body,
    html: renderMarkdown(body),
    editedAt: isoNow(),
    revision: newId(),
  });
  if (!updated) throw notFound();
  await publishMessage(ctx, 'message.updated', updated);
  return updated;
}

/** Deletes one's own message: its text is gone, a placeholder stays in the history. */
export async function deleteMessage(ctx: AppContext, userId: string, messageId: string): Promise<void> {
  await loadOwnMessage(ctx, userId, messageId);
  const updated = await updateMessage(ctx.database.db, messageId, {
    body: '',
    html: '',
    deletedAt: isoNow(),
    revision: newId(),
  });
  if (!updated) throw notFound();
  await publishMessage(ctx, 'message.deleted', updated);
}

/** A conversation's history, newest first, by keyset on the message id. */
export async function listHistory(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  query: { cursor?: string; limit: number },
): Promise<HistoryPageData> {
  const db = ctx.database.db;
  // One statement for a page with messages: they are there only for someone who takes part (the
  // participant row exists only with its conversation). An empty page may be someone who does not,
  // who gets a 404 whatever the cursor.
  const rows = await pageUnderParent({
    cursor: query.cursor,
    arity: 1,
    read: (after) =>
      listMessages(db, conversationId, userId, {
        before: after?.[0] as string | undefined,
        limit: query.limit + 1,
      }),
    hidden: async () => {
      if (!(await findHistoryStart(db, conversationId, userId))) throw notFound();
      return false;
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    conversationId,
    rows: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Marks a conversation read up to a message; tells the others (`message.read`) when it moved. */
export async function markRead(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<ReadState> {
  const { participant } = await loadParticipation(ctx, userId, conversationId);
  const message = await findMessage(ctx.database.db, messageId);
  if (!message || message.conversationId !== conversationId || message.id <= participant.historyFrom) {
    throw notFound();
  }
  const state = { conversationId, userId, messageId };
  if (await advanceReadMark(ctx.database.db, conversationId, userId, messageId)) {
    await publishRead(ctx, state);
  }
  return state;
}

/** Unread messages per conversation and in total. */
export async function getUnreadCounts(ctx: AppContext, userId: string): Promise<UnreadCounts> {
  const conversations = (await countUnread(ctx.database.db, userId)).filter((c) => c.unreadCount > 0);
  return { total: conversations.reduce((sum, c) => sum + c.unreadCount, 0), conversations };
}

/**
 * Catch-up after a reconnect: every message created, edited or deleted after `since` (a revision)
 * in the user's conversations, oldest change first, in bounded pages.
 */
export async function syncMessages(ctx: AppContext, userId: string, query: SyncQuery): Promise<SyncPageData> {
  const rows = await listChangesSince(ctx.database.db, userId, query.since ?? '', query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    rows: page,
    nextSince: page[page.length - 1]?.revision ?? query.since ?? null,
    hasMore: rows.length > query.limit,
  };
}
