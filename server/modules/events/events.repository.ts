import type { ExpressionBuilder, Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type {
  EventListRow,
  EventOccurrencesTable,
  EventRow,
  EventRsvpsTable,
  EventsTable,
  OccurrenceRow,
  RsvpRow,
} from './events.table.ts';

/** Raises a network's event-list stamp: every list worked out before is stale. */
async function raiseListStamp(db: Kysely<DB>, networkId: string): Promise<void> {
  await db
    .insertInto('eventListStamps')
    .values({ networkId, version: 1 })
    .onConflict((oc) =>
      oc.column('networkId').doUpdateSet((eb) => ({ version: eb('eventListStamps.version', '+', 1) })),
    )
    .execute();
}

/** Raises the stamp of the network an event belongs to. */
async function raiseListStampOf(db: Kysely<DB>, eventId: string): Promise<void> {
  const row = await db.selectFrom('events').select('networkId').where('id', '=', eventId).executeTakeFirst();
  if (row) await raiseListStamp(db, row.networkId);
}

/** The plain query of `listStamp` (the equality test runs it beside the precompiled one). */
export const listStampSelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db.selectFrom('eventListStamps').select('version').where('networkId', '=', p.networkId);

// Read by every request of the upcoming-events list.
const listStamp = precompiled(listStampSelect, { values: ['networkId'] });

/** A network's event-list stamp (0 before its first change). */
export async function findListStamp(db: Kysely<DB>, networkId: string): Promise<number> {
  const [row] = await listStamp(db, { networkId });
  return row ? Number(row.version) : 0;
}

/** Stores a new event. */
export async function insertEvent(db: Kysely<DB>, row: EventsTable): Promise<void> {
  await db.insertInto('events').values(row).execute();
  await raiseListStamp(db, row.networkId);
}

/** Changes an event's fields. */
export async function updateEventRow(db: Kysely<DB>, id: string, patch: Partial<EventsTable>): Promise<void> {
  await db.updateTable('events').set(patch).where('id', '=', id).execute();
  await raiseListStampOf(db, id);
}

/** Deletes an event with everything that hangs on it. */
export async function deleteEventRow(db: Kysely<DB>, id: string): Promise<void> {
  await raiseListStampOf(db, id);
  await db.deleteFrom('events').where('id', '=', id).execute();
}

/** One event of a network. */
export function findEvent(db: Kysely<DB>, networkId: string, id: string): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An event by id alone (jobs). */
export function findEventById(db: Kysely<DB>, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface EventInNetworkRow extends EventRow {
  networkSlug: string;
  networkName: string;
}

/** Whose events a list reads: the networks' own, and those shared by `sharedFrom` (partners). */
export interface EventSources {
  networkIds: readonly string[];
  sharedFrom?: readonly string[];
  /** Only the networks' scheduled public events (the public pages). */
  publicOnly?: boolean;
}

/** The events of the sources: all of the networks' own, and the shared ones of the partners. */
function ofSources(sources: EventSources) {
  const shared = sources.sharedFrom ?? [];
  return (eb: ExpressionBuilder<DB & { e: DB['events'] }, 'e'>) =>
    sources.publicOnly
      ? eb.and([
          eb('e.networkId', 'in', [...sources.networkIds]),
          eb('e.isPublic', '=', 1),
          eb('e.status', '=', 'scheduled'),
        ])
      : shared.length === 0
        ? eb('e.networkId', 'in', [...sources.networkIds])
        : eb.or([
            eb('e.networkId', 'in', [...sources.networkIds]),
            eb.and([eb('e.networkId', 'in', [...shared]), eb('e.shareWithPartners', '=', 1)]),
          ]);
}

/**
 * The light columns a list expands events from and shows of them (a list item needs no other: the
 * page is answered without reading its events again).
 */
const LIST_COLUMNS = [
  'e.id',
  'e.networkId',
  'e.timeZone',
  'e.startsLocal',
  'e.endsLocal',
  'e.recurrence',
  'e.startsAt',
  'e.title',
  'e.format',
  'e.status',
  'e.capacity',
  'e.shareWithPartners',
  'e.isPublic',
] as const;

/**
 * The series (events with a recurrence) of the networks that may have an occurrence in [from, to):
 * the light columns only. Uses the partial index events_network_series_idx.
 */
export function listSeriesInRange(
  db: Kysely<DB>,
  sources: EventSources,
  from: string,
  to: string,
  limit: number,
): Promise<EventListRow[]> {
  if (sources.networkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events as e')
    .select(LIST_COLUMNS)
    .where(ofSources(sources))
    .where('e.recurrence', 'is not', null)
    .where('e.startsAt', '<', to)
    .where((eb) => eb.or([eb('e.lastEndsAt', 'is', null), eb('e.lastEndsAt', '>', from)]))
    .limit(limit)
    .execute();
}

/**
 * The first one-off events of the networks overlapping [from, to) after (start, id), in that
 * order: the light columns only. An event lasts at most a week, so its start is bounded below too,
 * which keeps the read on (network_id, starts_at) short.
 */
export function listOneOffsInRange(
  db: Kysely<DB>,
  sources: EventSources,
  range: { from: string; earliestStart: string; to: string },
  after: { startsAt: string; eventId: string } | null,
  limit: number,
): Promise<EventListRow[]> {
  if (sources.networkIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('events as e')
    .select(LIST_COLUMNS)
    .where(ofSources(sources))
    .where('e.recurrence', 'is', null)
    .where('e.startsAt', '>=', range.earliestStart)
    .where('e.startsAt', '<', range.to)
    .where('e.endsAt', '>', range.from);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('e.startsAt', '>', after.startsAt),
        eb.and([eb('e.startsAt', '=', after.startsAt), eb('e.id', '>', after.eventId)]),
      ]),
    );
  return query.orderBy('e.startsAt').orderBy('e.id').limit(limit).execute();
}

/** Events by id with their network's slug and name. */
export function findEventsWithNetwork(db: Kysely<DB>, ids: readonly string[]): Promise<EventInNetworkRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events as e')
    .innerJoin('networks as n', 'n.id', 'e.networkId')
    .selectAll('e')
    .select(['n.slug as networkSlug', 'n.name as networkName'])
    .where('e.id', 'in', ids)
    .execute();
}

/** The slugs and names of networks by id (the origins of partners' events on a list). */
export function findNetworkNames(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('networks').select(['id', 'slug', 'name']).where('id', 'in', ids).execute();
}

/** Every event of the networks (feeds): newest first, at most `limit`. */
export function listEventsOfNetworks(
  db: Kysely<DB>,
  networkIds: readonly string[],
  limit: number,
): Promise<EventInNetworkRow[]> {
  if (networkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('events as e')
    .innerJoin('networks as n', 'n.id', 'e.networkId')
    .selectAll('e')
    .select(['n.slug as networkSlug', 'n.name as networkName'])
    .where('e.networkId', 'in', networkIds)
    .orderBy('e.startsAt', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Scheduled events with an occurrence possibly starting in [from, to) (the reminder job; the
 * "events coming up" nudge of one network), oldest first.
 */
export function listScheduledEventsStartingBetween(
  db: Kysely<DB>,
  from: string,
  to: string,
  networkId?: string,
): Promise<EventRow[]> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('startsAt', '<', to)
    .where((eb) => eb.or([eb('lastEndsAt', 'is', null), eb('lastEndsAt', '>', from)]));
  if (networkId) query = query.where('networkId', '=', networkId);
  return query.orderBy('startsAt').orderBy('id').execute();
}

/** Replaces the organisers of an event. */
export async function setOrganisers(
  db: Kysely<DB>,
  eventId: string,
  userIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('eventOrganisers').where('eventId', '=', eventId).execute();
  if (userIds.length)
    await db
      .insertInto('eventOrganisers')
      .values(userIds.map((userId) => ({ eventId, userId })))
      .execute();
}

/** The organisers of events, with their names. */
export function listOrganisers(db: Kysely<DB>, eventIds: readonly string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eventOrganisers as o')
    .innerJoin('users as u', 'u.id', 'o.userId')
    .select(['o.eventId', 'o.userId', 'u.displayName', 'u.erasedAt'])
    .where('o.eventId', 'in', eventIds)
    .orderBy('u.displayName')
    .execute();
}

/** The changed occurrences of events. */
export function listOccurrenceChanges(db: Kysely<DB>, eventIds: readonly string[]): Promise<OccurrenceRow[]> {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('eventOccurrences').selectAll().where('eventId', 'in', eventIds).execute();
}

/** Saves the change of one occurrence. */
export async function saveOccurrenceChange(db: Kysely<DB>, row: EventOccurrencesTable): Promise<void> {
  await raiseListStampOf(db, row.eventId);
  await db
    .insertInto('eventOccurrences')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['eventId', 'occurrenceKey']).doUpdateSet({
        state: row.state,
        startsLocal: row.startsLocal,
        endsLocal: row.endsLocal,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** The plain query of `rsvpCounts` (the equality test runs it beside the precompiled one). */
export const rsvpCountsSelect = (db: Kysely<DB>, p: { eventIds: string[] }) =>
  db
    .selectFrom('eventRsvps')
    .select(['eventId', 'response', 'waiting', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('eventId', 'in', p.eventIds)
    .groupBy(['eventId', 'response', 'waiting']);

// Every list page counts the answers of its events (read from event_rsvps_counts_idx alone).
const rsvpCounts = precompiled(rsvpCountsSelect, { values: [], lists: ['eventIds'], jsonRows: true });

/** Answers per event: how many said yes (with a place), maybe, no, and wait. */
export async function countRsvps(db: Kysely<DB>, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return rsvpCounts(db, { eventIds: [...eventIds] });
}

/** The plain query of `rsvpsOfUser` (the equality test runs it beside the precompiled one). */
export const rsvpsOfUserSelect = (db: Kysely<DB>, p: { userId: string; eventIds: string[] }) =>
  db
    .selectFrom('eventRsvps')
    .select(['eventId', 'userId', 'response', 'waiting', 'respondedAt'])
    .where('userId', '=', p.userId)
    .where('eventId', 'in', p.eventIds);

// Every list page reads the caller's own answers to its events.
const rsvpsOfUser = precompiled(rsvpsOfUserSelect, {
  values: ['userId'],
  lists: ['eventIds'],
  jsonRows: true,
});

/** One person's answers to events. */
export function listRsvpsOf(db: Kysely<DB>, userId: string, eventIds: readonly string[]): Promise<RsvpRow[]> {
  if (eventIds.length === 0) return Promise.resolve([]);
  return rsvpsOfUser(db, { userId, eventIds: [...eventIds] });
}

/** Saves someone's answer. */
export async function saveRsvp(db: Kysely<DB>, row: EventRsvpsTable): Promise<void> {
  await db
    .insertInto('eventRsvps')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['eventId', 'userId']).doUpdateSet({
        response: row.response,
        waiting: row.waiting,
        respondedAt: row.respondedAt,
      }),
    )
    .execute();
}

/** Yes answers holding a place, besides one person's. */
export async function countConfirmedYes(
  db: Kysely<DB>,
  eventId: string,
  exceptUserId: string,
): Promise<number> {
  const row = await db
    .selectFrom('eventRsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('eventId', '=', eventId)
    .where('response', '=', 'yes')
    .where('waiting', '=', 0)
    .where('userId', '!=', exceptUserId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The waiting list, first come first: user ids. */
export async function listWaiting(db: Kysely<DB>, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('eventRsvps')
    .select('userId')
    .where('eventId', '=', eventId)
    .where('response', '=', 'yes')
    .where('waiting', '=', 1)
    .orderBy('respondedAt')
    .orderBy('userId')
    .execute();
  return rows.map((r) => r.userId);
}

/** Gives waiting people their places. */
export async function promoteFromWaiting(
  db: Kysely<DB>,
  eventId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .updateTable('eventRsvps')
    .set({ waiting: 0 })
    .where('eventId', '=', eventId)
    .where('userId', 'in', userIds)
    .execute();
}

/** Everyone who answered, with names, in order of answering. */
export function listRsvpsWithNames(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('eventRsvps as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['r.userId', 'u.displayName', 'r.response', 'r.waiting', 'r.respondedAt'])
    .where('r.eventId', '=', eventId)
    .orderBy('r.respondedAt')
    .execute();
}

/** Those who said yes (with a place) or maybe to events: whom reminders and changes go to. */
export function listInterested(db: Kysely<DB>, eventIds: readonly string[]) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eventRsvps')
    .select(['eventId', 'userId'])
    .where('eventId', 'in', eventIds)
    .where((eb) =>
      eb.or([eb('response', '=', 'maybe'), eb.and([eb('response', '=', 'yes'), eb('waiting', '=', 0)])]),
    )
    .execute();
}

/** Replaces who came to one occurrence. */
export async function replaceAttendance(
  db: Kysely<DB>,
  eventId: string,
  occurrenceKey: string,
  userIds: readonly string[],
  recordedBy: string,
  recordedAt: string,
): Promise<void> {
  await db
    .deleteFrom('eventAttendance')
    .where('eventId', '=', eventId)
    .where('occurrenceKey', '=', occurrenceKey)
    .execute();
  if (userIds.length)
    await db
      .insertInto('eventAttendance')
      .values(userIds.map((userId) => ({ eventId, occurrenceKey, userId, recordedBy, recordedAt })))
      .execute();
}

/** Who came, per occurrence, for one event. */
export function listAttendance(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('eventAttendance')
    .select(['occurrenceKey', 'userId'])
    .where('eventId', '=', eventId)
    .orderBy('occurrenceKey')
    .execute();
}

/** Distinct occurrences of a network's events with recorded attendance, oldest first. */
export function listAttendedOccurrences(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('eventAttendance as a')
    .innerJoin('events as e', 'e.id', 'a.eventId')
    .select(['a.eventId', 'a.occurrenceKey', (eb) => eb.fn.min('a.recordedAt').as('recordedAt')])
    .where('e.networkId', '=', networkId)
    .groupBy(['a.eventId', 'a.occurrenceKey'])
    .orderBy('a.occurrenceKey')
    .execute();
}

/** Claims a reminder: true only for the first caller. */
export async function claimReminder(
  db: Kysely<DB>,
  eventId: string,
  occurrenceKey: string,
  hours: number,
  sentAt: string,
): Promise<boolean> {
  const result = await db
    .insertInto('eventReminders')
    .values({ eventId, occurrenceKey, hours, sentAt })
    .onConflict((oc) => oc.columns(['eventId', 'occurrenceKey', 'hours']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A user's calendar feed address. */
export function findFeedOfUser(db: Kysely<DB>, userId: string) {
  return db.selectFrom('calendarFeeds').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** The owner of a feed address. */
export function findFeedByToken(db: Kysely<DB>, token: string) {
  return db.selectFrom('calendarFeeds').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Sets (or renews) a user's feed address. */
export async function saveFeed(
  db: Kysely<DB>,
  userId: string,
  token: string,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('calendarFeeds')
    .values({ userId, token, createdAt })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ token, createdAt }))
    .execute();
}

/** Whether a job of the kind is waiting or running (one reminder chain for all instances). */
export async function hasJob(db: Kysely<DB>, kind: string, statuses: JobStatus[]): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row !== undefined;
}

/** The precompiled reads of the events list, for the test that compares them with their plain queries. */
export const precompiledListReads = { listStamp, rsvpCounts, rsvpsOfUser };
