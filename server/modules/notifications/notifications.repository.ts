import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import {
  type EmailFrequency,
  type NotificationKind,
  UNREAD_COUNT_LIMIT,
} from '../../../common/contracts/notifications.ts';
import { countUpTo, withoutBitmapScans } from '../../db/index-scans.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { NotificationRow, NotificationsTable } from './notifications.table.ts';

/** Stores a new notification. */
export async function insertNotification(db: Kysely<DB>, row: NotificationsTable): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

/** Rows per multi-row insert (17 columns each: well under the bound-parameter limits of both databases). */
const INSERT_CHUNK = 500;

/** Stores the notifications of one event together: one multi-row insert per 500 of them. */
export async function insertNotifications(db: Kysely<DB>, rows: NotificationsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/**
 * The pending (unread, not yet e-mailed) message notification of a conversation of each of these
 * users, to group into (the newest where one has several), in one query.
 */
export async function findGroupableMessageNotifications(
  db: Kysely<DB>,
  conversationId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await groupableMessageQuery(db, conversationId, userIds).execute();
  const newest = new Map<string, string>();
  for (const row of rows) {
    const seen = newest.get(row.userId);
    if (seen === undefined || row.id > seen) newest.set(row.userId, row.id);
  }
  return newest;
}

/**
 * Read through the (conversation, user) index: a recipient's other unread notifications are not
 * read. Unordered (the newest is picked above): ordering by id would draw SQLite to the index of
 * unread rows by (user, id), which reads them all.
 */
export function groupableMessageQuery(db: Kysely<DB>, conversationId: string, userIds: string[]) {
  return db
    .selectFrom('notifications')
    .select(['id', 'userId'])
    .where('conversationId', '=', conversationId)
    .where('userId', 'in', userIds)
    .where('kind', '=', 'message')
    .where('readAt', 'is', null)
    .where('emailedAt', 'is', null);
}

/** Adds one message to grouped notifications at once; returns the ids that were still unread and unmailed. */
export async function bumpNotifications(
  db: Kysely<DB>,
  ids: string[],
  change: { actorId: string; messageId: string; updatedAt: string },
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({ ...change, count: eb('count', '+', 1) }))
    .where('id', 'in', ids)
    .where('readAt', 'is', null)
    .where('emailedAt', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Notifications about networks the user has left are hidden (their content is no longer theirs to
 * see). The answer to an organisation's request to take part in a network goes to its admins, who
 * are not members: it names only the network they asked.
 */
function visibleTo(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('notifications as n')
    .where('n.userId', '=', userId)
    .where((eb) =>
      eb.or([
        eb('n.networkId', 'is', null),
        sql<SqlBool>`${sql.ref('n.kind')} in ('organisation_join_approved', 'organisation_join_declined')`,
        // The user's few networks are looked up once per query, not once per notification.
        eb(
          'n.networkId',
          'in',
          eb
            .selectFrom('memberships as m')
            .select('m.networkId')
            .where('m.userId', '=', userId)
            .where('m.status', '=', 'active'),
        ),
      ]),
    );
}

type NotificationQuery = ReturnType<typeof visibleTo>;

/**
 * The same rule as `visibleTo`, for rows of many users at once: each row is checked against its own
 * recipient's memberships.
 */
function visibleToItsUser(eb: ExpressionBuilder<DB & { n: DB['notifications'] }, 'n'>) {
  return eb.or([
    eb('n.networkId', 'is', null),
    sql<SqlBool>`${sql.ref('n.kind')} in ('organisation_join_approved', 'organisation_join_declined')`,
    eb.exists(
      eb
        .selectFrom('memberships as m')
        .select('m.networkId')
        .whereRef('m.userId', '=', 'n.userId')
        .whereRef('m.networkId', '=', 'n.networkId')
        .where('m.status', '=', 'active'),
    ),
  ]);
}

/** The notifications list with what it shows of their subjects, newest first. */
function notificationList(db: Kysely<DB>, userId: string, limit: number) {
  return withSubjects(visibleTo(db, userId)).orderBy('n.id', 'desc').limit(limit);
}

/** What the list and the mail show of a notification's subjects. */
function withSubjects(query: NotificationQuery) {
  return (
    query
      .leftJoin('networks as net', 'net.id', 'n.networkId')
      .leftJoin('users as actor', 'actor.id', 'n.actorId')
      .leftJoin('topics as t', (j) => j.onRef('t.id', '=', 'n.topicId').on('t.deletedAt', 'is', null))
      .leftJoin('announcements as a', 'a.id', 'n.announcementId')
      .leftJoin('events as ev', 'ev.id', 'n.eventId')
      // What the list and the mail show (every column costs on each of the many reads of this list).
      .select([
        'n.id',
        'n.kind',
        'n.networkId',
        'n.actorId',
        'n.topicId',
        'n.postId',
        'n.conversationId',
        'n.messageId',
        'n.announcementId',
        'n.helpRequestId',
        'n.eventId',
        'n.count',
        'n.readAt',
        'n.createdAt',
        'net.slug as networkSlug',
        'net.name as networkName',
        'actor.displayName as actorName',
        'actor.erasedAt as actorErasedAt',
        't.title as topicTitle',
        'a.title as announcementTitle',
        'ev.title as eventTitle',
      ])
  );
}
export type NotificationListRow = Awaited<ReturnType<ReturnType<typeof notificationList>['execute']>>[number];

/** Ids per query when listing the notifications of many users. */
const MANY_IDS = 1000;

/**
 * Notifications of many users by id, as each recipient sees them in their list (those about a
 * network the recipient left are left out), in one query per 1,000.
 */
export async function listNotificationsOfUsers(
  db: Kysely<DB>,
  ids: string[],
): Promise<(NotificationListRow & { userId: string })[]> {
  const rows: (NotificationListRow & { userId: string })[] = [];
  for (let i = 0; i < ids.length; i += MANY_IDS) {
    const chunk = ids.slice(i, i + MANY_IDS);
    const base = db.selectFrom('notifications as n').where('n.id', 'in', chunk).where(visibleToItsUser);
    rows.push(...(await withSubjects(base).select('n.userId').execute()));
  }
  return rows;
}

/**
 * Unread notifications each of these users can see (0 for those without), counted up to
 * `UNREAD_COUNT_LIMIT` each, in one query per 1,000: at most that many index entries are read per
 * recipient however much they left unread.
 */
export async function countUnreadNotificationsOf(
  db: Kysely<DB>,
  userIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  for (let i = 0; i < userIds.length; i += MANY_IDS) {
    const chunk = userIds.slice(i, i + MANY_IDS);
    const rows = await withoutBitmapScans(db, (on) => unreadCountsQuery(on, chunk).execute());
    for (const row of rows) counts.set(row.userId, Number(row.count ?? 0));
  }
  return counts;
}

/**
 * Each user's newest unread notifications, at most `UNREAD_COUNT_LIMIT`, counted: newest first so
 * that it is read backwards through the index of unread rows and stops at the limit (run it
 * through `withoutBitmapScans`).
 */
export function unreadCountsQuery(db: Kysely<DB>, userIds: string[]) {
  return db
    .selectFrom('users as u')
    .where('u.id', 'in', userIds)
    .select((eb) => [
      'u.id as userId',
      countUpTo(
        eb
          .selectFrom('notifications as n')
          .select('n.id')
          .whereRef('n.userId', '=', 'u.id')
          .where('n.readAt', 'is', null)
          .where(visibleToItsUser)
          .orderBy('n.id', 'desc'),
        UNREAD_COUNT_LIMIT,
      ).as('count'),
    ]);
}

// One precompiled query per shape of the list: with or without a keyset cursor, with or without ids.
const listShapes = {
  newest: precompiled((db, v: { userId: string; limit: number }) => notificationList(db, v.userId, v.limit), {
    values: ['userId', 'limit'],
    jsonRows: true,
  }),
  before: precompiled(
    (db, v: { userId: string; limit: number; beforeId: string }) =>
      notificationList(db, v.userId, v.limit).where('n.id', '<', v.beforeId),
    { values: ['userId', 'limit', 'beforeId'], jsonRows: true },
  ),
  ids: precompiled(
    (db, v: { userId: string; limit: number; ids: string[] }) =>
      notificationList(db, v.userId, v.limit).where('n.id', 'in', v.ids),
    { values: ['userId', 'limit'], lists: ['ids'], jsonRows: true },
  ),
  beforeAndIds: precompiled(
    (db, v: { userId: string; limit: number; beforeId: string; ids: string[] }) =>
      notificationList(db, v.userId, v.limit).where('n.id', '<', v.beforeId).where('n.id', 'in', v.ids),
    { values: ['userId', 'limit', 'beforeId'], lists: ['ids'], jsonRows: true },
  ),
};

/** Ids per query at most (lists are padded to 1, 4, 16, 64 or 256 bound values). */
const MAX_IDS = 256;

/** A user's notifications, newest first, with what the list shows of their subjects. */
export async function listNotifications(
  db: Kysely<DB>,
  userId: string,
  options: { beforeId?: string; ids?: string[]; limit: number },
): Promise<NotificationListRow[]> {
  const { beforeId, ids, limit } = options;
  if (ids && ids.length > MAX_IDS) {
    // Long lists (a digest claims everything pending) go in chunks, merged newest first.
    const chunks: Promise<NotificationListRow[]>[] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      chunks.push(listNotifications(db, userId, { beforeId, ids: ids.slice(i, i + MAX_IDS), limit }));
    }
    const rows = (await Promise.all(chunks)).flat();
    return rows.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
  }
  if (ids?.length === 0) return [];
  if (beforeId && ids) return listShapes.beforeAndIds(db, { userId, limit, beforeId, ids });
  if (beforeId) return listShapes.before(db, { userId, limit, beforeId });
  if (ids) return listShapes.ids(db, { userId, limit, ids });
  return listShapes.newest(db, { userId, limit });
}

const unreadCount = precompiled(
  (db, v: { userId: string; limit: number }) =>
    db
      .selectFrom(
        visibleTo(db, v.userId)
          .select('n.id')
          .where('n.readAt', 'is', null)
          .orderBy('n.id', 'desc')
          .limit(v.limit)
          .as('unread'),
      )
      .select((eb) => eb.fn.countAll<number>().as('count')),
  { values: ['userId', 'limit'], withoutBitmapScans: true },
);

/** Unread notifications the user can see, counted up to `UNREAD_COUNT_LIMIT`. */
export async function countUnreadNotifications(db: Kysely<DB>, userId: string): Promise<number> {
  const [row] = await unreadCount(db, { userId, limit: UNREAD_COUNT_LIMIT });
  return Number(row?.count ?? 0);
}

/** Marks one (or all) of a user's notifications read; returns how many changed. */
export async function markNotificationsRead(
  db: Kysely<DB>,
  userId: string,
  at: string,
  id?: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findNotification(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('notifications')
    .select('id')
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The user's explicit e-mail settings per kind (kinds without a row use the default). */
export async function listPreferences(db: Kysely<DB>, userId: string): Promise<Map<string, EmailFrequency>> {
  const rows = await db
    .selectFrom('notificationPreferences')
    .select(['kind', 'email'])
    .where('userId', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.kind, r.email]));
}

/** The explicit e-mail settings of many users (one query per 1,000): user → kind → frequency. */
export async function listPreferencesOf(
  db: Kysely<DB>,
  userIds: string[],
): Promise<Map<string, Map<string, EmailFrequency>>> {
  const byUser = new Map<string, Map<string, EmailFrequency>>();
  for (let i = 0; i < userIds.length; i += MANY_IDS) {
    const rows = await db
      .selectFrom('notificationPreferences')
      .select(['userId', 'kind', 'email'])
      .where('userId', 'in', userIds.slice(i, i + MANY_IDS))
      .execute();
    for (const row of rows) {
      const settings = byUser.get(row.userId) ?? new Map<string, EmailFrequency>();
      settings.set(row.kind, row.email);
      byUser.set(row.userId, settings);
    }
  }
  return byUser;
}

/** Sets the e-mail frequency of one kind. */
export async function upsertPreference(
  db: Kysely<DB>,
  userId: string,
  kind: string,
  email: EmailFrequency,
  at: string,
): Promise<void> {
  await db
    .insertInto('notificationPreferences')
    .values({ userId, kind, email, updatedAt: at })
    .onConflict((oc) => oc.columns(['userId', 'kind']).doUpdateSet({ email, updatedAt: at }))
    .execute();
}

/** Drops pending e-mail of the given kinds (after the user turned them off). */
export async function cancelPendingEmail(
  db: Kysely<DB>,
  userId: string,
  kinds: NotificationKind[],
  at: string,
) {
  if (kinds.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ email: 'off', emailedAt: at })
    .where('userId', '=', userId)
    .where('kind', 'in', kinds)
    .where('email', '!=', 'immediate')
    .where('emailedAt', 'is', null)
    .execute();
}

/** The user's settings row, created with a fresh unsubscribe key on first use. */
export async function ensureSettings(db: Kysely<DB>, userId: string, newKey: string, at: string) {
  await db
    .insertInto('notificationSettings')
    .values({ userId, unsubscribeKey: newKey, lastDigestAt: null, createdAt: at })
    .onConflict((oc) => oc.column('userId').doNothing())
    .execute();
  return db
    .selectFrom('notificationSettings')
    .selectAll()
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
}

export function findSettings(db: Kysely<DB>, userId: string) {
  return db.selectFrom('notificationSettings').selectAll().where('userId', '=', userId).executeTakeFirst();
}

export async function setLastDigestAt(db: Kysely<DB>, userId: string, at: string): Promise<void> {
  await db
    .updateTable('notificationSettings')
    .set({ lastDigestAt: at })
    .where('userId', '=', userId)
    .execute();
}

/**
 * Claims a user's pending e-mail of one route (immediate or daily) created up to `until`: marks it
 * e-mailed in one statement, so two workers never send the same notification twice. Read ones are
 * dropped, not sent (the user has seen them).
 */
export async function claimPendingEmail(
  db: Kysely<DB>,
  userId: string,
  email: EmailFrequency,
  at: string,
  until: string,
): Promise<NotificationRow[]> {
  return db
    .updateTable('notifications')
    .set({ emailedAt: at })
    .where('userId', '=', userId)
    .where('email', '=', email)
    .where('emailedAt', 'is', null)
    .where('createdAt', '<=', until)
    .returningAll()
    .execute()
    .then((rows) => rows.filter((r) => r.readAt === null).sort((a, b) => a.id.localeCompare(b.id)));
}

/** Users with digest e-mail waiting. */
export async function listUsersWithPendingDigest(db: Kysely<DB>, until: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('userId')
    .distinct()
    .where('email', '=', 'daily')
    .where('emailedAt', 'is', null)
    .where('readAt', 'is', null)
    .where('createdAt', '<=', until)
    .execute();
  return rows.map((r) => r.userId);
}

/** Everyone who wrote in a topic (opening post or a live reply): the people a reply concerns. */
export async function listTopicParticipants(db: Kysely<DB>, topicId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
    .select('authorId')
    .distinct()
    .where('topicId', '=', topicId)
    .where('deletedAt', 'is', null)
    .where('authorId', 'is not', null)
    .execute();
  return rows.map((r) => r.authorId as string);
}

/** Whether a job of this kind is waiting (or running). */
export async function hasPendingJob(db: Kysely<DB>, kind: string, statuses: JobStatus[]): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row !== undefined;
}

/** An announcement with what its mail shows. */
export function findAnnouncementForMail(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('networks as n', 'n.id', 'a.networkId')
    .leftJoin('users as u', 'u.id', 'a.authorId')
    .select([
      'a.title',
      'a.bodySource',
      'n.name as networkName',
      'n.slug as networkSlug',
      'u.displayName as authorName',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
