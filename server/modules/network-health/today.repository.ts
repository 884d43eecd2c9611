import { type Kysely, sql } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';

/**
 * A network column compared as an expression so that its own index is not used: today's rows are
 * then found through the index on their time (few rows of every network, where the busiest
 * network's own rows are thousands). Same trick as in network-health.repository. Where a join
 * reaches the network (messages through the sender's memberships, RSVPs and attendance through
 * their events), SQLite otherwise starts from the network's members or events and reads every
 * message, RSVP or attendance of each: on the small bench set that made the dashboard 2 s.
 */
const byTimeIndex = (column: string) => sql<string>`${sql.ref(column)} || ''`;

// Where a join reaches the network, the table with the time index comes first as a CROSS JOIN (the
// join condition in WHERE): SQLite keeps the left table of a CROSS JOIN as the outer loop whatever
// its statistics say, PostgreSQL plans it as the inner join it is. With statistics from ANALYZE and
// no attendance recorded yet, SQLite otherwise read every event of every network for the
// attendance part (2 ms of each dashboard request on the large set, 4× the rest).

/** The part of today the dashboard reads live: [since, until), within the day `day`. */
export interface LiveSpan {
  day: string;
  since: string;
  until: string;
}

/** What the live reads of today take: the span and the day's bounds (as bound values). */
export type LiveSpanParams = {
  networkId: string;
  since: string;
  until: string;
  /** The day (YYYY-MM-DD), its start and end, and the first occurrence key after it. */
  day: string;
  dayStart: string;
  dayEnd: string;
  dayKeyEnd: string;
};

const paramsOf = (networkId: string, { day, since, until }: LiveSpan): LiveSpanParams => {
  const dayStart = `${day}T00:00:00.000Z`;
  const dayEnd = new Date(Date.parse(dayStart) + 86_400_000).toISOString();
  return { networkId, since, until, day, dayStart, dayEnd, dayKeyEnd: `${day}U` };
};

type ActiveSinceParams = Pick<LiveSpanParams, 'networkId' | 'since' | 'until' | 'day' | 'dayKeyEnd'>;

/** The plain query of `activeSince` (the equality test runs it beside the precompiled one). */
export const activeSinceSelect = (db: Kysely<DB>, p: ActiveSinceParams) => {
  const { networkId, since, until } = p;
  const posts = db
    .selectFrom('posts')
    .select('authorId as userId')
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until)
    .where('authorId', 'is not', null);
  const messages = db
    .selectFrom('messages as m')
    .crossJoin('memberships as ms')
    .whereRef('ms.userId', '=', 'm.senderId')
    .select('m.senderId as userId')
    .where(byTimeIndex('ms.networkId'), '=', networkId)
    .where('m.createdAt', '>=', since)
    .where('m.createdAt', '<', until)
    .whereRef('ms.joinedAt', '<=', 'm.createdAt')
    .where((eb) => eb.or([eb('ms.endedAt', 'is', null), eb('ms.endedAt', '>', eb.ref('m.createdAt'))]));
  const asked = db
    .selectFrom('helpRequests')
    .select('requesterId as userId')
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until)
    .where('requesterId', 'is not', null);
  const answered = db
    .selectFrom('helpResponses')
    .select('authorId as userId')
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until)
    .where('authorId', 'is not', null);
  const offered = db
    .selectFrom('helpOffers')
    .select('helperId as userId')
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until);
  const rsvped = db
    .selectFrom('eventRsvps as r')
    .crossJoin('events as e')
    .whereRef('e.id', '=', 'r.eventId')
    .select('r.userId')
    .where(byTimeIndex('e.networkId'), '=', networkId)
    .where('r.respondedAt', '>=', since)
    .where('r.respondedAt', '<', until);
  const came = db
    .selectFrom('eventAttendance as a')
    .crossJoin('events as e')
    .whereRef('e.id', '=', 'a.eventId')
    .select('a.userId')
    .where(byTimeIndex('e.networkId'), '=', networkId)
    .where('a.occurrenceKey', '>=', p.day)
    .where('a.occurrenceKey', '<', p.dayKeyEnd);
  // UNION ALL, made distinct in the process: with UNION, SQLite merges sorted parts and reads each
  // table in the order of its user index (a full scan of messages, offers and RSVPs), not by time.
  return posts
    .unionAll(messages)
    .unionAll(asked)
    .unionAll(answered)
    .unionAll(offered)
    .unionAll(rsvped)
    .unionAll(came);
};

const SPAN_VALUES = ['networkId', 'since', 'until', 'day', 'dayStart', 'dayEnd', 'dayKeyEnd'] as const;
const activeSince = precompiled(activeSinceSelect, {
  values: ['networkId', 'since', 'until', 'day', 'dayKeyEnd'],
});

/**
 * Who did something in a network during [since, until) of today, as the roll-up counts it (see
 * rollup.repository activeOnDay): posted, messaged, asked, answered or offered help, RSVPed; and
 * who came to one of today's meetings. Each part reads its rows through its time index.
 */
export async function listActiveSince(db: Kysely<DB>, networkId: string, span: LiveSpan): Promise<string[]> {
  const { dayStart: _, dayEnd: __, ...params } = paramsOf(networkId, span);
  const rows = await activeSince(db, params);
  return [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
}

/** The plain query of `countsSince` (the equality test runs it beside the precompiled one). */
export const countsSinceSelect = (db: Kysely<DB>, p: LiveSpanParams) => {
  const { networkId, since, until, day, dayEnd } = p;
  return db
    .selectFrom('networks as n')
    .select((eb) => [
      // Members now: memberships not ended, kept by triggers (a membership ends when it is ended,
      // never ahead, so this is the roll-up's "members at the end of the day" for today so far).
      eb.fn
        .coalesce(
          eb.selectFrom('networkMemberCounts').select('members').where('networkId', '=', networkId),
          sql.lit(0),
        )
        .as('members'),
      eb
        .selectFrom('messages as m')
        .crossJoin('memberships as ms')
        .whereRef('ms.userId', '=', 'm.senderId')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('ms.networkId'), '=', networkId)
        .where('m.createdAt', '>=', since)
        .where('m.createdAt', '<', until)
        .where('m.deletedAt', 'is', null)
        .whereRef('ms.joinedAt', '<=', 'm.createdAt')
        .where((w) => w.or([w('ms.endedAt', 'is', null), w('ms.endedAt', '>', w.ref('m.createdAt'))]))
        .as('messages'),
      eb
        .selectFrom('memberships')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', networkId)
        .where('joinedAt', '>=', since)
        .where('joinedAt', '<', until)
        .as('joined'),
      eb
        .selectFrom('memberships')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', networkId)
        .where('status', 'in', ['left', 'removed'])
        .where('endedAt', '>=', since)
        .where('endedAt', '<', until)
        .as('left'),
      eb
        .selectFrom('events')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where('networkId', '=', networkId)
        .where('startsAt', '>=', p.dayStart)
        .where('startsAt', '<', dayEnd)
        .where('recurrence', 'is', null)
        .where('status', '=', 'scheduled')
        .as('oneOff'),
      eb
        .selectFrom('eventAttendance as a')
        .crossJoin('events as e')
        .whereRef('e.id', '=', 'a.eventId')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('e.networkId'), '=', networkId)
        .where('a.occurrenceKey', '>=', day)
        .where('a.occurrenceKey', '<', p.dayKeyEnd)
        .as('attendance'),
      // A series is held today once per occurrence with attendance recorded.
      eb
        .selectFrom('eventAttendance as a')
        .crossJoin('events as e')
        .whereRef('e.id', '=', 'a.eventId')
        .select(
          sql<number>`count(distinct ${sql.ref('a.eventId')} || '/' || ${sql.ref('a.occurrenceKey')})`.as(
            'c',
          ),
        )
        .where(byTimeIndex('e.networkId'), '=', networkId)
        .where('e.recurrence', 'is not', null)
        .where('a.occurrenceKey', '>=', day)
        .where('a.occurrenceKey', '<', p.dayKeyEnd)
        .as('series'),
    ])
    .where('n.id', '=', networkId);
};

/** The plain query of `answersSince` (the equality test runs it beside the precompiled one). */
export const answersSinceSelect = (
  db: Kysely<DB>,
  p: Pick<LiveSpanParams, 'networkId' | 'since' | 'until'>,
) =>
  db
    .selectFrom('helpRequests')
    .select(['createdAt', 'firstResponseAt'])
    .where(byTimeIndex('networkId'), '=', p.networkId)
    .where('firstResponseAt', '>=', p.since)
    .where('firstResponseAt', '<', p.until);

const countsSince = precompiled(countsSinceSelect, { values: SPAN_VALUES });
const answersSince = precompiled(answersSinceSelect, { values: ['networkId', 'since', 'until'] });

/**
 * Today's counted figures of a network that the live figures lack, as the roll-up counts them
 * (see rollup.repository countsOfDay): messages by its members, who joined and left, and the
 * minutes to each first answer, during [since, until); members now (from an index alone); and the
 * attendance and events held of today's meetings, whole.
 */
export async function countSince(db: Kysely<DB>, networkId: string, span: LiveSpan) {
  const params = paramsOf(networkId, span);
  const [[row], answered] = await Promise.all([
    countsSince(db, params),
    answersSince(db, { networkId, since: params.since, until: params.until }),
  ]);
  const n = (value: unknown) => Number(value ?? 0);
  return {
    members: n(row?.members),
    messages: n(row?.messages),
    newMembers: n(row?.joined),
    leavers: n(row?.left),
    attendance: n(row?.attendance),
    eventsHeld: n(row?.oneOff) + n(row?.series),
    answerMinutes: answered.flatMap((r) =>
      r.firstResponseAt
        ? [Math.max(0, Math.round((Date.parse(r.firstResponseAt) - Date.parse(r.createdAt)) / 60_000))]
        : [],
    ),
  };
}

/**
 * Each member of a network active on a day within [fromDay, toDay] (from the roll-ups' active
 * days) with the last such day. Each day is looked up by the whole key prefix (day, network).
 */
export async function listRecentlyActive(
  db: Kysely<DB>,
  networkId: string,
  days: string[],
): Promise<Map<string, string>> {
  if (days.length === 0) return new Map();
  const rows = await db
    .selectFrom('healthActiveDays')
    .select(['userId', (eb) => eb.fn.max('day').as('day')])
    .where('day', 'in', days)
    .where('networkId', '=', networkId)
    .groupBy('userId')
    .execute();
  return new Map(rows.map((r) => [r.userId, String(r.day)]));
}

/** Today's precompiled reads by name (the equality test runs each beside its plain query). */
export const precompiledTodayReads = { activeSince, countsSince, answersSince };
