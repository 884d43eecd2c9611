import {
  type AddParticipantsBody,
  type Conversation,
  type ConversationList,
  type CreateGroupBody,
  GROUP_MAX_PEOPLE,
} from '../../../common/contracts/messages.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
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
import {
  publishConversationCreated,
  publishConversationLeft,
  publishConversationUpdated,
} from './messages.events.ts';
import { presentConversation } from './messages.presenter.ts';
import type { ConversationParticipantRow, ConversationRow } from './messages.table.ts';
import { assertCanMessageAll } from './messaging-policy.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 400, [{ path: [path], code: 'invalid', message }]);

/** A conversation the user takes part in, with their participation; 404 otherwise (no leaks). */
export async function loadParticipation(ctx: AppContext, userId: string, conversationId: string) {
  const found = await findParticipation(ctx.database.db, conversationId, userId);
  if (!found) throw notFound();
  return found;
}

/** Presents conversations for one reader: participants, their last visible message, unread counts. */
async function present(
  ctx: AppContext,
  userId: string,
  rows: (ConversationRow & { historyFrom: string })[],
): Promise<Conversation[]> {
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
  return rows.map((row) =>
    presentConversation(
      row,
      participants
        .filter((p) => p.conversationId === row.id)
        .map((p) => ({
          userId: p.userId,
          displayName: p.displayName,
          lastReadMessageId: p.lastReadMessageId,
        })),
      lastMessages.find((m) => m.id === row.lastActivityId),
      unread.find((u) => u.conversationId === row.id)?.unreadCount ?? 0,
    ),
  );
}

/** One conversation as the user sees it. */
export async function getConversation(ctx: AppContext, userId: string, conversationId: string) {
  const { conversation, participant } = await loadParticipation(ctx, userId, conversationId);
  const [presented] = await present(ctx, userId, [{ ...conversation, historyFrom: participant.historyFrom }]);
  if (!presented) throw notFound();
  return presented;
}

/** The user's conversations, most recent first. */
export async function listConversations(
  ctx: AppContext,
  userId: string,
  query: { cursor?: string; limit: number },
): Promise<ConversationList> {
  const [before] = (decodeCursor(query.cursor, 1) ?? []) as string[];
  const rows = await listConversationsOf(ctx.database.db, userId, { before, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    conversations: await present(ctx, userId, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.lastActivityId]) : null,
  };
}

async function createConversation(
  ctx: AppContext,
  conversation: ConversationRow,
  userIds: string[],
): Promise<boolean> {
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await insertConversation(trx, conversation))) return false;
    const participants: ConversationParticipantRow[] = userIds.map((userId) => ({
      conversationId: conversation.id,
      userId,
      historyFrom: '',
      lastReadMessageId: null,
      joinedAt: conversation.createdAt,
    }));
    await insertParticipants(trx, participants);
    return true;
  });
}

/**
 * Finds or starts the one direct conversation between the user and another member; `created`
 * tells whether it is new. Strangers (no shared network) get NO_SHARED_NETWORK.
 */
export async function openDirectConversation(ctx: AppContext, userId: string, otherId: string) {
  if (otherId === userId) throw invalid('userId', 'you cannot message yourself');
  await assertCanMessageAll(ctx, userId, [otherId]);
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
export async function createGroup(ctx: AppContext, userId: string, body: CreateGroupBody) {
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
) {
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
  const presented = await getConversation(ctx, userId, conversationId);
  await publishConversationUpdated(ctx, presented);
  await publishConversationCreated(ctx, { ...presented, lastMessage: null }, added);
  return presented;
}

/** Leaves a group (direct conversations cannot be left). */
export async function leaveConversation(ctx: AppContext, userId: string, conversationId: string) {
  const { conversation } = await loadParticipation(ctx, userId, conversationId);
  if (conversation.kind !== 'group') throw new AppError('NOT_A_GROUP', 409);
  await deleteParticipant(ctx.database.db, conversationId, userId);
  await publishConversationLeft(ctx, conversationId, userId);
}
