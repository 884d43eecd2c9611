import { type Kysely, sql } from 'kysely';
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

/** The part of today the dashboard reads live: [since, until), within the day `day`. */
export interface LiveSpan {
  day: string;
  since: string;
  until: string;
}

/**
 * Who did something in a network during [since, until) of today, as the roll-up counts it (see
 * rollup.repository activeOnDay): posted, messaged, asked, answered or offered help, RSVPed; and
 * who came to one of today's meetings. Each part reads its rows through its time index.
 */
export async function listActiveSince(
  db: Kysely<DB>,
  networkId: string,
  { day, since, until }: LiveSpan,
): Promise<string[]> {
  const posts = db
    .selectFrom('posts')
    .select('authorId as userId')
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('createdAt', '>=', since)
    .where('createdAt', '<', until)
    .where('authorId', 'is not', null);
  const messages = db
    .selectFrom('messages as m')
    .innerJoin('memberships as ms', 'ms.userId', 'm.senderId')
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
    .innerJoin('events as e', 'e.id', 'r.eventId')
    .select('r.userId')
    .where(byTimeIndex('e.networkId'), '=', networkId)
    .where('r.respondedAt', '>=', since)
    .where('r.respondedAt', '<', until);
  const came = db
    .selectFrom('eventAttendance as a')
    .innerJoin('events as e', 'e.id', 'a.eventId')
    .select('a.userId')
    .where(byTimeIndex('e.networkId'), '=', networkId)
    .where('a.occurrenceKey', '>=', day)
    .where('a.occurrenceKey', '<', `${day}U`);
  // UNION ALL, made distinct here: with UNION, SQLite merges sorted parts and reads each table in
  // the order of its user index (a full scan of messages, offers and RSVPs) instead of by time.
  const rows = await posts
    .unionAll(messages)
    .unionAll(asked)
    .unionAll(answered)
    .unionAll(offered)
    .unionAll(rsvped)
    .unionAll(came)
    .execute();
  return [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
}

/**
 * Today's counted figures of a network that the live figures lack, as the roll-up counts them
 * (see rollup.repository countsOfDay): messages by its members, who joined and left, and the
 * minutes to each first answer, during [since, until); members now (from an index alone); and the
 * attendance and events held of today's meetings, whole.
 */
export async function countSince(db: Kysely<DB>, networkId: string, span: LiveSpan) {
  const { day, since, until } = span;
  const dayEnd = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
  const counts = db
    .selectFrom('networks as n')
    .select((eb) => [
      // Members at the end of today so far (as the roll-up counts them at the end of a day).
      eb
        .selectFrom('memberships')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where('networkId', '=', networkId)
        .where((w) => w.or([w('endedAt', 'is', null), w('endedAt', '>=', dayEnd)]))
        .as('members'),
      eb
        .selectFrom('messages as m')
        .innerJoin('memberships as ms', 'ms.userId', 'm.senderId')
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
        .where('startsAt', '>=', `${day}T00:00:00.000Z`)
        .where('startsAt', '<', dayEnd)
        .where('recurrence', 'is', null)
        .where('status', '=', 'scheduled')
        .as('oneOff'),
      eb
        .selectFrom('eventAttendance as a')
        .innerJoin('events as e', 'e.id', 'a.eventId')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('e.networkId'), '=', networkId)
        .where('a.occurrenceKey', '>=', day)
        .where('a.occurrenceKey', '<', `${day}U`)
        .as('attendance'),
      // A series is held today once per occurrence with attendance recorded.
      eb
        .selectFrom('eventAttendance as a')
        .innerJoin('events as e', 'e.id', 'a.eventId')
        .select(
          sql<number>`count(distinct ${sql.ref('a.eventId')} || '/' || ${sql.ref('a.occurrenceKey')})`.as(
            'c',
          ),
        )
        .where(byTimeIndex('e.networkId'), '=', networkId)
        .where('e.recurrence', 'is not', null)
        .where('a.occurrenceKey', '>=', day)
        .where('a.occurrenceKey', '<', `${day}U`)
        .as('series'),
    ])
    .where('n.id', '=', networkId);
  const answers = db
    .selectFrom('helpRequests')
    .select(['createdAt', 'firstResponseAt'])
    .where(byTimeIndex('networkId'), '=', networkId)
    .where('firstResponseAt', '>=', since)
    .where('firstResponseAt', '<', until);
  const [[row], answered] = await Promise.all([counts.execute(), answers.execute()]);
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
