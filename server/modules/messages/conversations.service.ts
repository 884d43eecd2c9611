import {
  type AddParticipantsBody,
  type CreateGroupBody,
  GROUP_MAX_PEOPLE,
} from '../../../common/contracts/messages.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import {
  publishConversationCreated,
  publishConversationLeft,
  publishConversationUpdated,
} from './messages.events.ts';
import type { ConversationView } from './messages.presenter.ts';
import {
  countParticipants,
  countUnread,
  deleteParticipant,
  findDirectConversation,
  findParticipation,
  insertConversation,
  insertParticipants,
  listConversationsOf,
  listMessagesByIds,
  listParticipants,
} from './messages.repository.ts';
import type { ConversationParticipantRow, ConversationRow } from './messages.table.ts';
import { assertCanMessageAll, assertNotBlocked } from './messaging-policy.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 400, [{ path: [path], code: 'invalid', message }]);

/** A conversation the user takes part in, with their participation; 404 otherwise (no leaks). */
export async function loadParticipation(ctx: AppContext, userId: string, conversationId: string) {
  const found = await findParticipation(ctx.database.db, conversationId, userId);
  if (!found) throw notFound();
  return found;
}

/** Conversations as one reader sees them: participants, their last visible message, unread counts. */
async function viewsOf(
  ctx: AppContext,
  userId: string,
  rows: (ConversationRow & { historyFrom: string })[],
): Promise<ConversationView[]> {
  const db = ctx.database.db;
  const ids = rows.map((r) => r.id);
  const [participants, lastMessages, unread] = await Promise.all([
    listParticipants(db, ids),
    listMessagesByIds(
      db,
      rows
        .filter((r) => r.lastActivityId !== r.id && r.lastActivityId > r.historyFrom)
        .map((r) => r.lastActivityId),
    ),
    countUnread(db, userId, ids),
  ]);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    directKey: row.directKey,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastActivityId: row.lastActivityId,
    participants: participants.filter((p) => p.conversationId === row.id),
    lastMessage: lastMessages.find((m) => m.id === row.lastActivityId),
    unreadCount: unread.find((u) => u.conversationId === row.id)?.unreadCount ?? 0,
  }));
}

/** One conversation as the user sees it. */
export async function getConversation(
  ctx: AppContext,
  userId: string,
  conversationId: string,
): Promise<ConversationView> {
  const { conversation, participant } = await loadParticipation(ctx, userId, conversationId);
  const [view] = await viewsOf(ctx, userId, [{ ...conversation, historyFrom: participant.historyFrom }]);
  if (!view) throw notFound();
  return view;
}

/** The user's conversations, most recent first. */
export async function listConversations(
  ctx: AppContext,
  userId: string,
  query: { cursor?: string; limit: number },
): Promise<{ conversations: ConversationView[]; nextCursor: string | null }> {
  const [before] = (decodeCursor(query.cursor, 1) ?? []) as string[];
  const rows = await listConversationsOf(ctx.database.db, userId, { before, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    conversations: await viewsOf(ctx, userId, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.lastActivityId]) : null,
  };
}

/** Stores a conversation with its participants at once; false when a direct one for the pair exists already. */
async function createConversation(
  ctx: AppContext,
  conversation: ConversationRow,
  userIds: string[],
): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    if (!(await insertConversation(db, conversation))) return false;
    const participants: ConversationParticipantRow[] = userIds.map((userId) => ({
      conversationId: conversation.id,
      userId,
      historyFrom: '',
      lastReadMessageId: null,
      joinedAt: conversation.createdAt,
    }));
    await insertParticipants(db, participants);
    return true;
  });
}

/**
 * Finds or starts the one direct conversation between the user and another member; `created`
 * tells whether it is new. Strangers (no shared network) get NO_SHARED_NETWORK.
 */
export async function openDirectConversation(
  ctx: AppContext,
  userId: string,
  otherId: string,
): Promise<{ conversation: ConversationView; created: boolean }> {
  if (otherId === userId) throw invalid('userId', 'you cannot message yourself');
  await assertCanMessageAll(ctx, userId, [otherId]);
  await assertNotBlocked(ctx, userId, otherId);
  const directKey = [userId, otherId].sort().join(':');
  const existing = await findDirectConversation(ctx.database.db, directKey);
  if (existing) return { conversation: await getConversation(ctx, userId, existing.id), created: false };
  const now = isoNow();
  const id = newId();
  const row: ConversationRow = {
    id,
    kind: 'direct',
    title: null,
    directKey,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
    lastActivityId: id,
  };
  const created = await createConversation(ctx, row, [userId, otherId]);
  // Two people opening it at once: the second insert lost the race and reads the winner's.
  const actualId = created ? id : (await findDirectConversation(ctx.database.db, directKey))?.id;
  if (!actualId) throw notFound();
  const conversation = await getConversation(ctx, userId, actualId);
  if (created) await publishConversationCreated(ctx, conversation, [userId, otherId]);
  return { conversation, created };
}

/** Starts a group conversation with a title; every other person must be reachable by the creator. */
export async function createGroup(
  ctx: AppContext,
  userId: string,
  body: CreateGroupBody,
): Promise<ConversationView> {
  const others = [...new Set(body.userIds)].filter((id) => id !== userId);
  if (others.length === 0) throw invalid('userIds', 'a group needs at least one other person');
  await assertCanMessageAll(ctx, userId, others);
  const now = isoNow();
  const id = newId();
  await createConversation(
    ctx,
    {
      id,
      kind: 'group',
      title: body.title,
      directKey: null,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
      lastActivityId: id,
    },
    [userId, ...others],
  );
  const conversation = await getConversation(ctx, userId, id);
  await publishConversationCreated(ctx, conversation, [userId, ...others]);
  return conversation;
}

/** Adds people to a group; they see its messages from now on. */
export async function addParticipants(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  body: AddParticipantsBody,
): Promise<ConversationView> {
  const { conversation } = await loadParticipation(ctx, userId, conversationId);
  if (conversation.kind !== 'group') throw new AppError('NOT_A_GROUP', 409);
  const db = ctx.database.db;
  const current = new Set((await listParticipants(db, [conversationId])).map((p) => p.userId));
  const added = [...new Set(body.userIds)].filter((id) => !current.has(id));
  if (added.length === 0) return getConversation(ctx, userId, conversationId);
  if (current.size + added.length > GROUP_MAX_PEOPLE) {
    throw new AppError('GROUP_FULL', 409, undefined, { max: GROUP_MAX_PEOPLE });
  }
  await assertCanMessageAll(ctx, userId, added);
  const now = isoNow();
  const historyFrom = newId();
  await insertParticipants(
    db,
    added.map((id) => ({ conversationId, userId: id, historyFrom, lastReadMessageId: null, joinedAt: now })),
  );
  // A race past the limit is undone rather than locked against: groups change rarely.
  if ((await countParticipants(db, conversationId)) > GROUP_MAX_PEOPLE) {
    for (const id of added) await deleteParticipant(db, conversationId, id);
    throw new AppError('GROUP_FULL', 409, undefined, { max: GROUP_MAX_PEOPLE });
  }
  const view = await getConversation(ctx, userId, conversationId);
  await publishConversationUpdated(ctx, view);
  // The newcomers do not see the messages from before they arrived.
  await publishConversationCreated(ctx, { ...view, lastMessage: undefined }, added);
  return view;
}

/** Leaves a group (direct conversations cannot be left). */
export async function leaveConversation(
  ctx: AppContext,
  userId: string,
  conversationId: string,
): Promise<void> {
  const { conversation } = await loadParticipation(ctx, userId, conversationId);
  if (conversation.kind !== 'group') throw new AppError('NOT_A_GROUP', 409);
  await deleteParticipant(ctx.database.db, conversationId, userId);
  await publishConversationLeft(ctx, conversationId, userId);
}
