import type { CreateEventBody, Recurrence, UpdateEventBody } from '../../../common/contracts/events.ts';
import type { AuthorSummary } from '../../../common/contracts/networks.ts';
import { localToUtc, parseLocal } from '../../../common/event-time.ts';
import { EVENT_RANGE_MAX_DAYS, PUBLIC_EVENTS_DAYS } from '../../../common/events.ts';
import {
  canCreateEvent,
  canEditEvent,
  type EventViewer,
  eventViewerOf,
  showsPublicEvents,
} from '../../../common/policies/events.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getStandings, type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import { getPublicPartnerIds, getSharingPartnerIds } from '../partnerships/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  countRsvps,
  deleteEventRow,
  type EventSources,
  findEvent,
  findEventsWithNetwork,
  findListStamp,
  findNetworkNames,
  listOneOffsInRange,
  listSeriesInRange,
  listWaiting,
  insertEvent,
  listOccurrenceChanges,
  listOrganisers,
  listRsvpsOf,
  setOrganisers,
  updateEventRow,
} from './events.repository.ts';
import type { EventListRow, EventRow, EventsTable, OccurrenceRow, RsvpRow } from './events.table.ts';
import {
  decodeCursor,
  encodeCursor,
  type ListedOccurrence,
  type OccurrenceCursor,
  pageOccurrences,
  pageOfListed,
} from './occurrence-list.ts';
import { lastEndOf, type Schedule } from './recurrence.ts';

/** Who acts on events, in which network. */
export interface EventActor {
  access: NetworkAccess;
  network: NetworkRow;
  user: UserRow;
  viewer: EventViewer;
}

/** The caller of an authorized network route as an event actor. */
export function eventActorOf(access: NetworkAccess): EventActor {
  const user = requireUser(access);
  return {
    access,
    network: access.network,
    user,
    viewer: eventViewerOf(access.actor, access.network.visibility, user.id),
  };
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 400, [{ path: [path], code: 'custom', message }]);

/** The schedule facts of a row. */
export function scheduleOf(
  row: Pick<EventRow, 'timeZone' | 'startsLocal' | 'endsLocal' | 'recurrence'>,
): Schedule {
  return {
    timeZone: row.timeZone,
    startsLocal: row.startsLocal,
    endsLocal: row.endsLocal,
    recurrence: row.recurrence ? (JSON.parse(row.recurrence) as Recurrence) : null,
  };
}

/** An event lasts at most this long (lists rely on it to bound their reads). */
const EVENT_LONGEST = 7 * DAY;

/** The UTC columns derived from a schedule; checks the series ends after it starts. */
function derivedTimes(schedule: Schedule) {
  const { recurrence, startsLocal, endsLocal, timeZone } = schedule;
  if (parseLocal(endsLocal) - parseLocal(startsLocal) > EVENT_LONGEST)
    throw invalid('endsLocal', 'an event lasts at most a week');
  if (recurrence?.until && recurrence.until < startsLocal.slice(0, 10))
    throw invalid('recurrence', 'the series ends before it starts');
  return {
    startsAt: new Date(localToUtc(startsLocal, timeZone)).toISOString(),
    endsAt: new Date(localToUtc(endsLocal, timeZone)).toISOString(),
    lastEndsAt: lastEndOf(schedule),
  };
}

/** Online needs a link, on site an address (checked again after a partial change). */
function checkPlace(row: Pick<EventsTable, 'format' | 'onlineUrl' | 'address'>) {
  if (row.format === 'online' && !row.onlineUrl) throw invalid('onlineUrl', 'an online event needs its link');
  if (row.format === 'on_site' && !row.address)
    throw invalid('address', 'an event on site needs its address');
}

/** Only a public network's events go on its public page. */
function checkPublic(network: Pick<NetworkRow, 'visibility'>, isPublic: boolean | undefined) {
  if (isPublic && !showsPublicEvents(network.visibility))
    throw new AppError('EVENT_PUBLIC_NETWORK_ONLY', 422, { field: 'isPublic' });
}

/** Organisers must take part in the network. */
async function checkOrganisers(
  ctx: AppContext,
  networkId: string,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const standings = await getStandings(ctx, unique);
  for (const id of unique) {
    if (!standings.get(id)?.some((s) => s.networkId === networkId && takesPart(s)))
      throw invalid('organiserIds', 'organisers are members of the network');
  }
  return unique;
}

/** Creates an event (staff; members where the network allows it). Returns its id. */
export async function createEvent(
  ctx: AppContext,
  actor: EventActor,
  body: CreateEventBody,
): Promise<string> {
  const { network, user, access } = actor;
  if (
    !canCreateEvent(access.actor, network.visibility, {
      membersCreateEvents: network.membersCreateEvents === 1,
    })
  )
    throw forbidden();
  checkPublic(network, body.isPublic);
  const organiserIds = await checkOrganisers(
    ctx,
    network.id,
    body.organiserIds.length ? body.organiserIds : [user.id],
  );
  const schedule: Schedule = {
    timeZone: body.timeZone,
    startsLocal: body.startsLocal,
    endsLocal: body.endsLocal,
    recurrence: body.recurrence,
  };
  const now = isoNow();
  const id = newId();
  const row: EventsTable = {
    id,
    networkId: network.id,
    title: body.title,
    description: body.description,
    descriptionHtml: renderMarkdown(body.description),
    language: body.language,
    format: body.format,
    onlineUrl: body.format === 'online' ? body.onlineUrl : null,
    address: body.format === 'on_site' ? body.address : null,
    timeZone: body.timeZone,
    startsLocal: body.startsLocal,
    endsLocal: body.endsLocal,
    ...derivedTimes(schedule),
    recurrence: body.recurrence ? JSON.stringify(body.recurrence) : null,
    capacity: body.capacity,
    shareWithPartners: body.shareWithPartners ? 1 : 0,
    isPublic: body.isPublic ? 1 : 0,
    status: 'scheduled',
    cancelReason: '',
    sequence: 0,
    createdBy: user.id,
    createdAt: now,
    updatedAt: now,
  };
  await withTransaction(ctx, async (tx) => {
    await insertEvent(tx.database.db, row);
    await setOrganisers(tx.database.db, id, organiserIds);
    await recordAudit(tx, {
      networkId: network.id,
      actorId: user.id,
      action: 'event.created',
      details: { eventId: id, ...(body.isPublic && { isPublic: true }) },
    });
  });
  return id;
}

/**
 * An event that an active partner network shared with this one, with its network's slug and name,
 * for reading only; 404 for every other event.
 */
export async function loadSharedEvent(ctx: AppContext, networkId: string, id: string) {
  const partners = await getSharingPartnerIds(ctx, networkId);
  const [row] = partners.length ? await findEventsWithNetwork(ctx.database.db, [id]) : [];
  if (row?.shareWithPartners !== 1 || !partners.includes(row.networkId)) throw notFound();
  return row;
}

/** An event of the network with its organiser ids; 404 when there is none. */
export async function loadEvent(ctx: AppContext, networkId: string, id: string) {
  const row = await findEvent(ctx.database.db, networkId, id);
  if (!row) throw notFound();
  const organisers = await listOrganisers(ctx.database.db, [id]);
  return { row, organiserIds: organisers.map((o) => o.userId) };
}

/** An event the actor may edit (organisers and staff); 403 otherwise. */
export async function loadEditableEvent(ctx: AppContext, actor: EventActor, id: string) {
  const event = await loadEvent(ctx, actor.network.id, id);
  if (!canEditEvent(actor.viewer, event)) throw forbidden();
  return event;
}

/**
 * Changes an event. Every change raises its SEQUENCE (calendar clients replace their copy).
 * Returns whether anything people plan around changed (time, place or status), to tell them.
 */
export async function updateEvent(ctx: AppContext, actor: EventActor, id: string, body: UpdateEventBody) {
  const { row } = await loadEditableEvent(ctx, actor, id);
  checkPublic(actor.network, body.isPublic);
  const format = body.format ?? row.format;
  const merged = {
    format,
    onlineUrl: format === 'online' ? (body.onlineUrl !== undefined ? body.onlineUrl : row.onlineUrl) : null,
    address: format === 'on_site' ? (body.address !== undefined ? body.address : row.address) : null,
  };
  checkPlace(merged);
  const schedule: Schedule = {
    timeZone: body.timeZone ?? row.timeZone,
    startsLocal: body.startsLocal ?? row.startsLocal,
    endsLocal: body.endsLocal ?? row.endsLocal,
    recurrence: body.recurrence !== undefined ? body.recurrence : scheduleOf(row).recurrence,
  };
  if (schedule.endsLocal <= schedule.startsLocal)
    throw invalid('endsLocal', 'the end must come after the start');
  const times = derivedTimes(schedule);
  const patch: Partial<EventsTable> = {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && {
      description: body.description,
      descriptionHtml: renderMarkdown(body.description),
    }),
    ...(body.language !== undefined && { language: body.language }),
    ...(body.capacity !== undefined && { capacity: body.capacity }),
    ...(body.shareWithPartners !== undefined && { shareWithPartners: body.shareWithPartners ? 1 : 0 }),
    ...(body.isPublic !== undefined && { isPublic: body.isPublic ? 1 : 0 }),
    ...merged,
    timeZone: schedule.timeZone,
    startsLocal: schedule.startsLocal,
    endsLocal: schedule.endsLocal,
    recurrence: schedule.recurrence ? JSON.stringify(schedule.recurrence) : null,
    ...times,
    sequence: row.sequence + 1,
    updatedAt: isoNow(),
  };
  const organiserIds = body.organiserIds
    ? await checkOrganisers(ctx, row.networkId, body.organiserIds)
    : null;
  await withTransaction(ctx, async (tx) => {
    await updateEventRow(tx.database.db, id, patch);
    if (organiserIds) await setOrganisers(tx.database.db, id, organiserIds);
    await recordAudit(tx, {
      networkId: row.networkId,
      actorId: actor.user.id,
      action: 'event.updated',
      // Showing it on the public page, or no longer, is named in the log.
      details: {
        eventId: id,
        ...(patch.isPublic !== undefined &&
          patch.isPublic !== row.isPublic && { isPublic: patch.isPublic === 1 }),
      },
    });
  });
  return {
    before: row,
    planChanged:
      times.startsAt !== row.startsAt ||
      times.endsAt !== row.endsAt ||
      patch.recurrence !== row.recurrence ||
      merged.address !== row.address ||
      merged.onlineUrl !== row.onlineUrl,
  };
}

/** Cancels the whole event or series (it stays, marked cancelled, in lists and feeds). */
export async function cancelEvent(ctx: AppContext, actor: EventActor, id: string, reason: string) {
  const { row } = await loadEditableEvent(ctx, actor, id);
  if (row.status === 'cancelled') return row;
  await withTransaction(ctx, async (tx) => {
    await updateEventRow(tx.database.db, id, {
      status: 'cancelled',
      cancelReason: reason,
      sequence: row.sequence + 1,
      updatedAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: row.networkId,
      actorId: actor.user.id,
      action: 'event.cancelled',
      details: { eventId: id },
    });
  });
  return row;
}

/** Deletes an event with its answers and attendance. */
export async function deleteEvent(ctx: AppContext, actor: EventActor, id: string) {
  const { row } = await loadEditableEvent(ctx, actor, id);
  await withTransaction(ctx, async (tx) => {
    await deleteEventRow(tx.database.db, id);
    await recordAudit(tx, {
      networkId: row.networkId,
      actorId: actor.user.id,
      action: 'event.deleted',
      details: { eventId: id, title: row.title },
    });
  });
  return row;
}

/** Answers per event as counts. */
export interface Counts {
  yes: number;
  maybe: number;
  no: number;
  waiting: number;
}
export const emptyCounts = (): Counts => ({ yes: 0, maybe: 0, no: 0, waiting: 0 });

/** What lists and pages show of events besides the rows: organisers, changes, counts, my answers. */
export interface EventExtras {
  organisers: Map<string, AuthorSummary[]>;
  changes: Map<string, OccurrenceRow[]>;
  counts: Map<string, Counts>;
  mine: Map<string, RsvpRow>;
}

/** The answers a list shows of its events: the counts, and the caller's own. */
export type EventAnswers = Pick<EventExtras, 'counts' | 'mine'>;

/** Loads the answers to events in two queries, whatever their number. */
export async function loadAnswers(
  ctx: AppContext,
  eventIds: string[],
  userId: string | null,
): Promise<EventAnswers> {
  const db = ctx.database.db;
  const [counts, mine] = await Promise.all([
    countRsvps(db, eventIds),
    userId ? listRsvpsOf(db, userId, eventIds) : Promise.resolve([]),
  ]);
  const answers: EventAnswers = { counts: new Map(), mine: new Map() };
  for (const c of counts) {
    const entry = answers.counts.get(c.eventId) ?? emptyCounts();
    const n = Number(c.n);
    if (Number(c.waiting) === 1) entry.waiting += n;
    else entry[c.response] += n;
    answers.counts.set(c.eventId, entry);
  }
  for (const r of mine) answers.mine.set(r.eventId, r);
  return answers;
}

/** Loads the extras of events in four queries, whatever their number. */
export async function loadExtras(
  ctx: AppContext,
  eventIds: string[],
  userId: string | null,
): Promise<EventExtras> {
  const db = ctx.database.db;
  const [organisers, changes, answers] = await Promise.all([
    listOrganisers(db, eventIds),
    listOccurrenceChanges(db, eventIds),
    loadAnswers(ctx, eventIds, userId),
  ]);
  const extras: EventExtras = { organisers: new Map(), changes: new Map(), ...answers };
  for (const o of organisers) {
    const list = extras.organisers.get(o.eventId) ?? [];
    list.push({ id: o.userId, displayName: o.displayName, formerMember: o.erasedAt !== null });
    extras.organisers.set(o.eventId, list);
  }
  for (const c of changes) {
    const list = extras.changes.get(c.eventId) ?? [];
    list.push(c);
    extras.changes.set(c.eventId, list);
  }
  return extras;
}

/** The window of a range query: [from, to) in ms, default the next 60 days; at most EVENT_RANGE_MAX_DAYS. */
export function rangeOf(query: { from?: string; to?: string }, now = Date.now()) {
  const from = query.from ? Date.parse(query.from) : now;
  const to = query.to ? Date.parse(query.to) : from + 60 * 86_400_000;
  if (to <= from) throw invalid('to', 'the end of the range comes after its start');
  if (to - from > EVENT_RANGE_MAX_DAYS * 86_400_000)
    throw invalid('to', `at most ${EVENT_RANGE_MAX_DAYS} days`);
  return { from, to };
}

/** A list holds at most this many series (a network with more lists the first ones). */
const LIST_SERIES_MAX = 5000;

/**
 * One page of the occurrences in the range of a list query, with the answers to the events on it.
 * The database pre-filters by the window (series apart from one-offs, one-offs only as many as a
 * page can hold); the series are expanded lazily and merged (occurrence-list.ts). The rows the
 * page was worked out from hold all a list item shows of an event, so they are not read again.
 */
export async function listEvents(
  ctx: AppContext,
  access: NetworkAccess,
  query: { from?: string; to?: string; cursor?: string; limit: number },
) {
  const { from, to } = rangeOf(query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) throw invalid('cursor', 'not a cursor of this list');
  const db = ctx.database.db;
  const networkIds = [access.network.id];
  // Active partners' events that were shared with partner networks show too (read-only).
  const sharedFrom = await getSharingPartnerIds(ctx, access.network.id);
  // The default window (from now, as the web app asks) is read from the network's upcoming
  // occurrences worked out ahead (for a network without partners); a range of the caller's own is
  // worked out for the request.
  const listed =
    !query.from && !query.to && sharedFrom.length === 0
      ? await upcomingOf(ctx, access.network.id, from)
      : null;
  const page = listed
    ? pageOfListed(listed, from, to, query.limit, after)
    : await pageInRange(db, { networkIds, sharedFrom }, from, to, query.limit, after);
  const ids = [...new Set(page.items.map((i) => i.row.id))];
  const [networks, answers] = await Promise.all([
    networksOf(db, access.network, page.items),
    loadAnswers(ctx, ids, access.user?.id ?? null),
  ]);
  return {
    items: page.items.flatMap(({ row, occurrence }) => {
      const network = networks.get(row.networkId);
      return network
        ? [{ row: { ...row, networkSlug: network.slug, networkName: network.name }, occurrence }]
        : [];
    }),
    nextCursor: page.next ? encodeCursor(page.next) : null,
    answers,
    from,
    to,
  };
}

/** The slug and name of the listed network and of the partners whose events are on the page. */
async function networksOf(
  db: AppContext['database']['db'],
  network: NetworkRow,
  items: readonly { row: EventListRow }[],
) {
  const names = new Map([[network.id, { slug: network.slug, name: network.name }]]);
  const others = [...new Set(items.map((i) => i.row.networkId).filter((id) => id !== network.id))];
  for (const n of await findNetworkNames(db, others)) names.set(n.id, { slug: n.slug, name: n.name });
  return names;
}

/**
 * One page of the occurrences of the networks' events in [from, to) after the cursor. The database
 * pre-filters by the window (series apart from one-offs, one-offs only as many as a page can hold);
 * the series are expanded lazily and merged (occurrence-list.ts).
 */
async function pageInRange(
  db: AppContext['database']['db'],
  networkIds: EventSources,
  from: number,
  to: number,
  limit: number,
  after: OccurrenceCursor | null,
) {
  const lowerMs = Math.max(from, after ? Date.parse(after.startsAt) : from);
  const [series, oneOffs] = await Promise.all([
    listSeriesInRange(
      db,
      networkIds,
      new Date(lowerMs).toISOString(),
      new Date(to).toISOString(),
      LIST_SERIES_MAX,
    ),
    listOneOffsInRange(
      db,
      networkIds,
      {
        from: new Date(from).toISOString(),
        earliestStart: new Date(from - EVENT_LONGEST - DAY).toISOString(),
        to: new Date(to).toISOString(),
      },
      after,
      limit + 1,
    ),
  ]);
  const changesOf = await changesOfSeries(db, series);
  return pageOccurrences([...series, ...oneOffs], changesOf, from, to, limit, after);
}

/** The changed occurrences of the series, by event. */
async function changesOfSeries(db: AppContext['database']['db'], series: readonly { id: string }[]) {
  const changes = await listOccurrenceChanges(
    db,
    series.map((r) => r.id),
  );
  const changesOf = new Map<string, OccurrenceRow[]>();
  for (const c of changes) changesOf.set(c.eventId, [...(changesOf.get(c.eventId) ?? []), c]);
  return (id: string) => changesOf.get(id) ?? [];
}

/**
 * One page of the upcoming public events of the networks (those that show public events): the
 * occurrences that start from now on, within PUBLIC_EVENTS_DAYS, a series once per occurrence,
 * cancelled ones left out, in time order, with each one's network.
 */
export async function listPublicEvents(
  ctx: AppContext,
  network: NetworkRow,
  query: { cursor?: string; limit: number; withPartners?: boolean },
  now = Date.now(),
) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) throw invalid('cursor', 'not a cursor of this list');
  const networkIds = [
    ...(showsPublicEvents(network.visibility) ? [network.id] : []),
    ...(query.withPartners ? await getPublicPartnerIds(ctx, network.id) : []),
  ];
  const db = ctx.database.db;
  const page = await pageInRange(
    db,
    { networkIds, publicOnly: true },
    now,
    now + PUBLIC_EVENTS_DAYS * DAY,
    query.limit,
    after,
  );
  const ids = [...new Set(page.items.map((i) => i.row.id))];
  const byId = new Map((await findEventsWithNetwork(db, ids)).map((r) => [r.id, r]));
  return {
    items: page.items.flatMap((i) => {
      const row = byId.get(i.row.id);
      const { occurrence } = i;
      if (!row || occurrence.state !== 'scheduled' || Date.parse(occurrence.startsAt) < now) return [];
      return [{ row, occurrence }];
    }),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}

/** The next few public events of a network, as its share page names them. */
export async function nextPublicEvents(ctx: AppContext, network: NetworkRow, count = 5) {
  const { items } = await listPublicEvents(ctx, network, { limit: count });
  return items.map(({ row, occurrence }) => ({
    title: row.title,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    format: row.format,
  }));
}

/** How long a process reuses a network's upcoming occurrences at most (while its stamp holds). */
const UPCOMING_REUSE = HOUR;
/** The window worked out ahead: the default list window from any moment of the reuse time. */
const UPCOMING_SPAN = 60 * DAY + UPCOMING_REUSE;
/** A network with more upcoming occurrences than this is worked out per request instead. */
const UPCOMING_MAX = 5000;
/** Networks whose upcoming occurrences a process keeps at most. */
const UPCOMING_NETWORKS = 500;

type Listed = ListedOccurrence<EventListRow>;
const upcoming = new Map<string, { stamp: number; builtAt: number; listed: Listed[] }>();

/**
 * The network's occurrences over the next 60 days (and the reuse time), worked out once and reused
 * while the network's event-list stamp is unchanged — every change of an event's times raises it in
 * the same transaction, so every process and instance sees the change at its next read. Null when
 * the network has too many to keep.
 */
async function upcomingOf(ctx: AppContext, networkId: string, now: number): Promise<Listed[] | null> {
  // The stamp is read before the events: a change in between leaves an older stamp with the list.
  const stamp = await findListStamp(ctx.database.db, networkId);
  const kept = upcoming.get(networkId);
  if (kept && kept.stamp === stamp && now >= kept.builtAt && now < kept.builtAt + UPCOMING_REUSE)
    return kept.listed;
  // Requests that miss together wait for one working-out instead of each doing it.
  const key = `${networkId} ${stamp}`;
  let pending = building.get(key);
  if (!pending) {
    pending = workOutUpcoming(ctx, networkId, stamp, now).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

const building = new Map<string, Promise<Listed[] | null>>();

async function workOutUpcoming(
  ctx: AppContext,
  networkId: string,
  stamp: number,
  now: number,
): Promise<Listed[] | null> {
  const db = ctx.database.db;
  const until = now + UPCOMING_SPAN;
  const [series, oneOffs] = await Promise.all([
    listSeriesInRange(
      db,
      { networkIds: [networkId] },
      new Date(now).toISOString(),
      new Date(until).toISOString(),
      LIST_SERIES_MAX,
    ),
    listOneOffsInRange(
      db,
      { networkIds: [networkId] },
      {
        from: new Date(now).toISOString(),
        earliestStart: new Date(now - EVENT_LONGEST - DAY).toISOString(),
        to: new Date(until).toISOString(),
      },
      null,
      UPCOMING_MAX + 1,
    ),
  ]);
  if (oneOffs.length > UPCOMING_MAX || series.length >= LIST_SERIES_MAX) return null;
  const changesOf = await changesOfSeries(db, series);
  const page = pageOccurrences([...series, ...oneOffs], changesOf, now, until, UPCOMING_MAX, null);
  if (page.next) return null;
  const listed = page.items.map((i) => ({
    ...i,
    startMs: Date.parse(i.occurrence.startsAt),
    endMs: Date.parse(i.occurrence.endsAt),
  }));
  if (!upcoming.has(networkId) && upcoming.size >= UPCOMING_NETWORKS) upcoming.clear();
  upcoming.set(networkId, { stamp, builtAt: now, listed });
  return listed;
}

/** The caller's place on an event's waiting list (1 = next), or null when not waiting. */
export async function waitingPositionOf(ctx: AppContext, eventId: string, userId: string) {
  const waiting = await listWaiting(ctx.database.db, eventId);
  const index = waiting.indexOf(userId);
  return index < 0 ? null : index + 1;
}
