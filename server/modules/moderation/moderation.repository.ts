import { type Kysely, sql } from 'kysely';
import type { ReportKind, ReportStatus } from '../../../common/moderation.ts';
import type { DB } from '../../db/schema.ts';
import type { ReportRow, ReportsTable } from './moderation.table.ts';

/** What was reported, as the report needs it: its network, author and a short text. */
export interface ReportedItem {
  networkId: string | null;
  authorId: string | null;
  excerpt: string;
  /** The topic a post or topic lives in; the conversation of a message. */
  topicId: string | null;
  conversationId: string | null;
  hiddenAt: string | null;
}

/** The item a report names, read from the table of its kind; undefined when it does not exist. */
export async function findReportedItem(
  db: Kysely<DB>,
  kind: ReportKind,
  id: string,
): Promise<ReportedItem | undefined> {
  const none = { topicId: null, conversationId: null };
  switch (kind) {
    case 'post': {
      const row = await db
        .selectFrom('posts')
        .select(['networkId', 'authorId', 'bodySource', 'topicId', 'hiddenAt'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...none, ...row, excerpt: row.bodySource, topicId: row.topicId };
    }
    case 'topic': {
      const row = await db
        .selectFrom('topics')
        .select(['networkId', 'authorId', 'title', 'hiddenAt'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...none, ...row, excerpt: row.title, topicId: id };
    }
    case 'resource': {
      const row = await db
        .selectFrom('resources')
        .select(['networkId', 'createdBy', 'title', 'hiddenAt'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          ...none,
          networkId: row.networkId,
          authorId: row.createdBy,
          excerpt: row.title,
          hiddenAt: row.hiddenAt,
        }
      );
    }
    case 'message': {
      const row = await db
        .selectFrom('messages')
        .select(['senderId', 'body', 'conversationId', 'deletedAt'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        row && {
          ...none,
          networkId: null,
          authorId: row.senderId,
          excerpt: row.deletedAt ? '' : row.body,
          conversationId: row.conversationId,
          hiddenAt: null,
        }
      );
    }
    case 'profile': {
      const row = await db
        .selectFrom('users')
        .select(['id', 'displayName'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { ...none, networkId: null, authorId: row.id, excerpt: row.displayName, hiddenAt: null };
    }
  }
}

/** Whether the user takes part in the conversation. */
export async function isParticipant(
  db: Kysely<DB>,
  conversationId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('conversationParticipants')
    .select('userId')
    .where('conversationId', '=', conversationId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a report; false when the reporter already has an open one on the same item (a unique
 * index on open reports keeps two requests at once from both getting through).
 */
export async function insertReport(db: Kysely<DB>, row: ReportsTable): Promise<boolean> {
  const open = await db
    .selectFrom('reports')
    .select('id')
    .where('reporterId', '=', row.reporterId)
    .where('kind', '=', row.kind)
    .where('itemId', '=', row.itemId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return false;
  try {
    await db.insertInto('reports').values(row).execute();
    return true;
  } catch (err) {
    if (/unique|duplicate/i.test(String((err as Error).message))) return false;
    throw err;
  }
}

export function findReport(db: Kysely<DB>, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A report in the queue with the names it shows. */
export interface ReportListRow extends ReportRow {
  reporterName: string | null;
  authorName: string | null;
  deciderName: string | null;
  networkSlug: string | null;
  networkName: string | null;
}

/**
 * A page of reports, newest first (keyset before an id): of the given networks, or of all of them
 * and of none (messages, profiles) when `networkIds` is 'all'.
 */
function reportsWithNames(db: Kysely<DB>) {
  return db
    .selectFrom('reports as r')
    .leftJoin('users as ru', 'ru.id', 'r.reporterId')
    .leftJoin('users as au', 'au.id', 'r.authorId')
    .leftJoin('users as du', 'du.id', 'r.decidedBy')
    .leftJoin('networks as n', 'n.id', 'r.networkId')
    .selectAll('r')
    .select([
      'ru.displayName as reporterName',
      'au.displayName as authorName',
      'du.displayName as deciderName',
      'n.slug as networkSlug',
      'n.name as networkName',
    ]);
}

/** One report with the names the queue shows. */
export function findReportListRow(db: Kysely<DB>, id: string): Promise<ReportListRow | undefined> {
  return reportsWithNames(db).where('r.id', '=', id).executeTakeFirst();
}

export function listReports(
  db: Kysely<DB>,
  filter: { status: ReportStatus; networkIds: readonly string[] | 'all'; beforeId?: string; limit: number },
): Promise<ReportListRow[]> {
  let query = reportsWithNames(db)
    .where('r.status', '=', filter.status)
    .orderBy('r.id', 'desc')
    .limit(filter.limit);
  if (filter.networkIds !== 'all') {
    if (filter.networkIds.length === 0) return Promise.resolve([]);
    query = query.where('r.networkId', 'in', filter.networkIds);
  }
  if (filter.beforeId !== undefined) query = query.where('r.id', '<', filter.beforeId);
  return query.execute();
}

/** Decides the report and every other open report of the same item at once; returns their reporters. */
export async function decideReports(
  db: Kysely<DB>,
  report: Pick<ReportRow, 'id' | 'kind' | 'itemId'>,
  decision: Pick<ReportRow, 'status' | 'decision' | 'decidedBy' | 'decidedAt' | 'note'>,
): Promise<string[]> {
  const affected = await db
    .selectFrom('reports')
    .select(['id', 'reporterId'])
    .where((eb) =>
      eb.or([
        eb('id', '=', report.id),
        eb.and([eb('kind', '=', report.kind), eb('itemId', '=', report.itemId), eb('status', '=', 'open')]),
      ]),
    )
    .execute();
  if (affected.length === 0) return [];
  await db
    .updateTable('reports')
    .set(decision)
    .where(
      'id',
      'in',
      affected.map((r) => r.id),
    )
    .execute();
  return [...new Set(affected.flatMap((r) => (r.reporterId ? [r.reporterId] : [])))];
}

/** Hides content (a time) or shows it again (null). */
export async function setHidden(
  db: Kysely<DB>,
  kind: 'post' | 'topic' | 'resource',
  id: string,
  hiddenAt: string | null,
  hiddenBy: string | null,
): Promise<void> {
  const table = kind === 'post' ? 'posts' : kind === 'topic' ? 'topics' : 'resources';
  await db.updateTable(table).set({ hiddenAt, hiddenBy }).where('id', '=', id).execute();
}

/** Suspends an active member from a network until a time; false when they are no active member. */
export async function setSuspension(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
  until: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set({ suspendedUntil: until })
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Blocks someone (again: no change). */
export async function insertBlock(db: Kysely<DB>, blockerId: string, blockedId: string, at: string) {
  await db
    .insertInto('userBlocks')
    .values({ blockerId, blockedId, createdAt: at })
    .onConflict((oc) => oc.columns(['blockerId', 'blockedId']).doNothing())
    .execute();
}

export async function deleteBlock(db: Kysely<DB>, blockerId: string, blockedId: string) {
  await db
    .deleteFrom('userBlocks')
    .where('blockerId', '=', blockerId)
    .where('blockedId', '=', blockedId)
    .execute();
}

/** The people a user blocked, most recent first. */
export function listBlocks(db: Kysely<DB>, blockerId: string) {
  return db
    .selectFrom('userBlocks as b')
    .innerJoin('users as u', 'u.id', 'b.blockedId')
    .select(['u.id', 'u.displayName', 'b.createdAt as blockedAt'])
    .where('b.blockerId', '=', blockerId)
    .orderBy('b.createdAt', 'desc')
    .execute();
}

/** Whether either of the two blocked the other. */
export async function isBlockedEitherWay(db: Kysely<DB>, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('userBlocks')
    .select(sql<number>`1`.as('one'))
    .where((eb) =>
      eb.or([
        eb.and([eb('blockerId', '=', a), eb('blockedId', '=', b)]),
        eb.and([eb('blockerId', '=', b), eb('blockedId', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
