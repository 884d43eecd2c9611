import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { UNREAD_MESSAGES_LIMIT } from '../../../common/contracts/messages.ts';
import { countUpTo, withoutBitmapScans } from '../../db/index-scans.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type {
  ConversationParticipantRow,
  ConversationRow,
  ConversationsTable,
  MessageRow,
} from './messages.table.ts';

/** Finds the direct conversation of a pair by its key. */
export function findDirectConversation(db: Kysely<DB>, directKey: string) {
  return db.selectFrom('conversations').selectAll().where('directKey', '=', directKey).executeTakeFirst();
}

/** Inserts a conversation; false when a direct one for the same pair exists already. */
export async function insertConversation(db: Kysely<DB>, row: ConversationsTable): Promise<boolean> {
  const result = await db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) => oc.column('directKey').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Renames a conversation or moves its activity mark (only ever forward). */
export async function touchConversation(db: Kysely<DB>, id: string, lastActivityId: string, at: string) {
  await db
    .updateTable('conversations')
    .set({ lastActivityId, updatedAt: at })
    .where('id', '=', id)
    .where('lastActivityId', '<', lastActivityId)
    .execute();
}

/** Adds participants (idempotent). */
export async function insertParticipants(db: Kysely<DB>, rows: ConversationParticipantRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('conversationParticipants')
    .values(rows)
    .onConflict((oc) => oc.columns(['conversationId', 'userId']).doNothing())
    .execute();
}

/** Removes a participant; false when they were not one. */
export async function deleteParticipant(db: Kysely<DB>, conversationId: string, userId: string) {
  const result = await db
    .deleteFrom('conversationParticipants')
    .where('conversationId', '=', conversationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A conversation with one user's participation in it, in one query (every message request runs it). */
const participation = precompiled(
  (db, v: { conversationId: string; userId: string }) =>
    db
      .selectFrom('conversations as c')
      .innerJoin('conversationParticipants as p', 'p.conversationId', 'c.id')
      .selectAll('c')
      .select(['p.userId', 'p.historyFrom', 'p.lastReadMessageId', 'p.joinedAt'])
      .where('c.id', '=', v.conversationId)
      .where('p.userId', '=', v.userId),
  { values: ['conversationId', 'userId'] },
);

/** A conversation and a user's participation in it; undefined when either is missing. */
export async function findParticipation(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
): Promise<{ conversation: ConversationRow; participant: ConversationParticipantRow } | undefined> {
  const [row] = await participation(db, { conversationId, userId });
  if (!row) return undefined;
  const { userId: participantId, historyFrom, lastReadMessageId, joinedAt, ...conversation } = row;
  return {
    conversation,
    participant: {
      conversationId: conversation.id,
      userId: participantId,
      historyFrom,
      lastReadMessageId,
      joinedAt,
    },
  };
}

const historyStart = precompiled(
  (db, v: { conversationId: string; userId: string }) =>
    db
      .selectFrom('conversationParticipants')
      .select(['conversationId', 'historyFrom'])
      .where('conversationId', '=', v.conversationId)
      .where('userId', '=', v.userId),
  { values: ['conversationId', 'userId'] },
);

/** Where a participant's history of a conversation starts; undefined when they do not take part (a history page needs no more). */
export async function findHistoryStart(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
): Promise<Pick<ConversationParticipantRow, 'conversationId' | 'historyFrom'> | undefined> {
  const [row] = await historyStart(db, { conversationId, userId });
  return row;
}

/** Participants of some conversations with their display names, in joining order. */
export function listParticipants(db: Kysely<DB>, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conversationParticipants as p')
    .innerJoin('users as u', 'u.id', 'p.userId')
    .select([
      'p.conversationId',
      'p.userId',
      'p.lastReadMessageId',
      'p.joinedAt',
      'u.displayName',
      'u.erasedAt',
    ])
    .where('p.conversationId', 'in', conversationIds)
    .orderBy('p.joinedAt')
    .orderBy('p.userId')
    .execute();
}

/** Ids of every conversation a user takes part in (for their socket's rooms). */
export async function listConversationIdsOf(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversationParticipants')
    .select('conversationId')
    .where('userId', '=', userId)
    .execute();
  return rows.map((r) => r.conversationId);
}

/** A user's conversations, most recent activity first (keyset on the activity id). */
export function listConversationsOf(
  db: Kysely<DB>,
  userId: string,
  options: { before?: string; limit: number },
) {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('conversationParticipants as p', 'p.conversationId', 'c.id')
    .selectAll('c')
    .select(['p.historyFrom', 'p.lastReadMessageId'])
    .where('p.userId', '=', userId)
    .orderBy('c.lastActivityId', 'desc')
    .limit(options.limit);
  if (options.before) query = query.where('c.lastActivityId', '<', options.before);
  return query.execute();
}

/** Finds a message by id. */
export function findMessage(db: Kysely<DB>, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The message a sender sent with a client id, if any. */
export function findMessageByClientId(db: Kysely<DB>, senderId: string, clientId: string) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('senderId', '=', senderId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
}

/** Inserts a message; false when the sender already sent one with this client id. */
export async function insertMessage(db: Kysely<DB>, row: MessageRow): Promise<boolean> {
  const result = await db
    .insertInto('messages')
    .values(row)
    .onConflict((oc) => oc.columns(['senderId', 'clientId']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Changes a message. */
export function updateMessage(db: Kysely<DB>, id: string, changes: Partial<Omit<MessageRow, 'id'>>) {
  return db.updateTable('messages').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Messages by id. */
export function listMessagesByIds(db: Kysely<DB>, ids: string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('messages').selectAll().where('id', 'in', ids).execute();
}

type HistoryPage = { conversationId: string; userId: string; limit: number };

/** A message of a history page: its conversation is the page's (not read back 50 times). */
export type HistoryMessageRow = Omit<MessageRow, 'conversationId'>;

/**
 * A page of a conversation's messages as one participant sees them (from where their history
 * starts), in one statement: where the history starts is a subquery of the page, run once. For
 * someone who does not take part it is null and the page is empty.
 */
function historyPage(db: Kysely<DB>, v: HistoryPage): SelectQueryBuilder<DB, 'messages', HistoryMessageRow> {
  return db
    .selectFrom('messages')
    .select(['id', 'senderId', 'clientId', 'body', 'html', 'revision', 'createdAt', 'editedAt', 'deletedAt'])
    .where('conversationId', '=', v.conversationId)
    .where('id', '>', (eb) =>
      eb
        .selectFrom('conversationParticipants as p')
        .select('p.historyFrom')
        .where('p.conversationId', '=', v.conversationId)
        .where('p.userId', '=', v.userId),
    )
    .orderBy('id', 'desc')
    .limit(v.limit);
}

const newestMessages = precompiled((db, v: HistoryPage) => historyPage(db, v), {
  values: ['conversationId', 'userId', 'limit'],
  jsonRows: true,
});

const olderMessages = precompiled(
  (db, v: HistoryPage & { before: string }) => historyPage(db, v).where('id', '<', v.before),
  { values: ['conversationId', 'userId', 'limit', 'before'], jsonRows: true },
);

/**
 * A conversation's messages that a participant sees, newest first (keyset on id). Empty for
 * someone who does not take part: an empty page does not say which (see findHistoryStart).
 */
export function listMessages(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
  options: { before?: string; limit: number },
): Promise<HistoryMessageRow[]> {
  const page = { conversationId, userId, limit: options.limit };
  return options.before ? olderMessages(db, { ...page, before: options.before }) : newestMessages(db, page);
}

/**
 * Unread messages (from others, not deleted, after the read mark) per conversation of a user,
 * counted up to UNREAD_MESSAGES_LIMIT each: each count walks the conversation's index from the
 * read mark and stops there, however much was left unread (run without bitmap scans, see
 * index-scans.ts). Conversations without any are left out.
 */
export async function countUnread(db: Kysely<DB>, userId: string, conversationIds?: string[]) {
  if (conversationIds?.length === 0) return [];
  let query = db
    .selectFrom('conversationParticipants as p')
    .select((eb) => [
      'p.conversationId',
      countUpTo(
        eb
          .selectFrom('messages as m')
          .select('m.id')
          .whereRef('m.conversationId', '=', 'p.conversationId')
          .where((inner) => inner('m.id', '>', inner.fn.coalesce('p.lastReadMessageId', 'p.historyFrom')))
          .whereRef('m.senderId', '<>', 'p.userId')
          .where('m.deletedAt', 'is', null)
          .orderBy('m.id'),
        UNREAD_MESSAGES_LIMIT,
      ).as('unread'),
    ])
    .where('p.userId', '=', userId);
  if (conversationIds) query = query.where('p.conversationId', 'in', conversationIds);
  // Without bitmap scans: PostgreSQL otherwise collects every unread message of the conversation
  // and sorts them before the limit (a second for 175,000 unread where the walk takes 1 ms).
  const rows = await withoutBitmapScans(db, (on) => on.executeQuery(query.compile()));
  return rows.rows
    .map((r) => ({ conversationId: r.conversationId, unreadCount: Number(r.unread ?? 0) }))
    .filter((r) => r.unreadCount > 0);
}

/** Moves a participant's read mark forward (never back); false when it did not move. */
export async function advanceReadMark(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
  messageId: string,
) {
  const result = await db
    .updateTable('conversationParticipants')
    .set({ lastReadMessageId: messageId })
    .where('conversationId', '=', conversationId)
    .where('userId', '=', userId)
    .where((eb) => eb.or([eb('lastReadMessageId', 'is', null), eb('lastReadMessageId', '<', messageId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Message changes (created, edited, deleted) after a revision in every conversation the user is
 * in, oldest change first, within what each participant may see.
 */
export function listChangesSince(db: Kysely<DB>, userId: string, since: string, limit: number) {
  return db
    .selectFrom('messages as m')
    .innerJoin('conversationParticipants as p', (join) =>
      join.onRef('p.conversationId', '=', 'm.conversationId').on('p.userId', '=', userId),
    )
    .selectAll('m')
    .where('m.revision', '>', since)
    .whereRef('m.id', '>', 'p.historyFrom')
    .orderBy('m.revision')
    .limit(limit)
    .execute();
}

/** Counts a conversation's participants. */
export async function countParticipants(db: Kysely<DB>, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('conversationParticipants')
    .select(sql<number>`count(*)`.as('count'))
    .where('conversationId', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The time of the newest message of each conversation that has one (deleted ones count: they were sent). */
export async function listLastMessageTimes(db: Kysely<DB>, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('messages')
    .select(['conversationId', (eb) => eb.fn.max('createdAt').as('lastAt')])
    .where('conversationId', 'in', conversationIds)
    .groupBy('conversationId')
    .execute();
}
