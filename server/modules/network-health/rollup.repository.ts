import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { HealthDailyTable } from './network-health.table.ts';

/** [start, end) of a UTC day as ISO instants. */
export function dayBounds(day: string): [string, string] {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return [new Date(start).toISOString(), new Date(start + 86_400_000).toISOString()];
}

/**
 * [start, end) of a UTC day cut at an instant: what was created, joined, answered or resolved that
 * day up to `until` (the roll-up of today counts up to when it runs; the dashboard adds the rest).
 */
export function countedBounds(day: string, until: string): [string, string] {
  const [start, end] = dayBounds(day);
  return [start, until < end ? until : end];
}

/** Who did something in which network during [start, end): posted, messaged, answered, RSVPed, came. */
export async function activeOnDay(
  db: Kysely<DB>,
  day: string,
  until: string,
): Promise<{ networkId: string; userId: string }[]> {
  const [start, end] = countedBounds(day, until);
  const posts = db
    .selectFrom('posts')
    .select(['networkId', 'authorId as userId'])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .where('authorId', 'is not', null);
  // Messages have no network: they count for each network the sender was a member of then.
  const messages = db
    .selectFrom('messages as m')
    .innerJoin('memberships as ms', 'ms.userId', 'm.senderId')
    .select(['ms.networkId', 'm.senderId as userId'])
    .where('m.createdAt', '>=', start)
    .where('m.createdAt', '<', end)
    .whereRef('ms.joinedAt', '<=', 'm.createdAt')
    .where((eb) => eb.or([eb('ms.endedAt', 'is', null), eb('ms.endedAt', '>', eb.ref('m.createdAt'))]));
  const asked = db
    .selectFrom('helpRequests')
    .select(['networkId', 'requesterId as userId'])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .where('requesterId', 'is not', null);
  const answered = db
    .selectFrom('helpResponses')
    .select(['networkId', 'authorId as userId'])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .where('authorId', 'is not', null);
  const offered = db
    .selectFrom('helpOffers')
    .select(['networkId', 'helperId as userId'])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end);
  const rsvped = db
    .selectFrom('eventRsvps as r')
    .innerJoin('events as e', 'e.id', 'r.eventId')
    .select(['e.networkId', 'r.userId'])
    .where('r.respondedAt', '>=', start)
    .where('r.respondedAt', '<', end);
  const came = db
    .selectFrom('eventAttendance as a')
    .innerJoin('events as e', 'e.id', 'a.eventId')
    .select(['e.networkId', 'a.userId'])
    .where('a.occurrenceKey', '>=', day)
    .where('a.occurrenceKey', '<', `${day}U`);
  const rows = await posts
    .union(messages)
    .union(asked)
    .union(answered)
    .union(offered)
    .union(rsvped)
    .union(came)
    .execute();
  return rows.filter((r): r is { networkId: string; userId: string } => r.userId !== null);
}

/** Replaces the active members of one day. */
export async function saveActiveDay(
  db: Kysely<DB>,
  day: string,
  rows: { networkId: string; userId: string }[],
): Promise<void> {
  await db.deleteFrom('healthActiveDays').where('day', '=', day).execute();
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ ...r, day }));
    await db.insertInto('healthActiveDays').values(batch).execute();
  }
}

/** Moves each member's last active day forward to `day` (never back). */
export async function touchLastActive(
  db: Kysely<DB>,
  day: string,
  rows: { networkId: string; userId: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ ...r, lastActiveOn: day }));
    await db
      .insertInto('healthMembers')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['networkId', 'userId']).doUpdateSet({
          lastActiveOn: sql<string>`case when excluded.last_active_on > health_members.last_active_on
            then excluded.last_active_on else health_members.last_active_on end`,
        }),
      )
      .execute();
  }
}

/** Distinct active members per network in [fromDay, toDay]. */
export async function countActiveBetween(
  db: Kysely<DB>,
  fromDay: string,
  toDay: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('healthActiveDays')
    .select(['networkId', (eb) => eb.fn.count<number>('userId').distinct().as('n')])
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .groupBy('networkId')
    .execute();
  return new Map(rows.map((r) => [r.networkId, Number(r.n)]));
}

type Counts = Map<string, number>;
const toMap = (rows: { networkId: string; n: number | string | bigint }[]): Counts =>
  new Map(rows.map((r) => [r.networkId, Number(r.n)]));

/**
 * The counted figures of one day per network up to `until` at the latest (members then, joins,
 * leaves, posts, …); events held and attendance are by the day's meetings, whole.
 */
export async function countsOfDay(db: Kysely<DB>, day: string, until: string) {
  const [start, end] = countedBounds(day, until);
  const [, dayEnd] = dayBounds(day);
  const members = await db
    .selectFrom('memberships')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('joinedAt', '<', end)
    .where((eb) => eb.or([eb('endedAt', 'is', null), eb('endedAt', '>=', end)]))
    .groupBy('networkId')
    .execute();
  const joined = await db
    .selectFrom('memberships')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('joinedAt', '>=', start)
    .where('joinedAt', '<', end)
    .groupBy('networkId')
    .execute();
  const left = await db
    .selectFrom('memberships')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['left', 'removed'])
    .where('endedAt', '>=', start)
    .where('endedAt', '<', end)
    .groupBy('networkId')
    .execute();
  const topics = await db
    .selectFrom('topics')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .where('deletedAt', 'is', null)
    .groupBy('networkId')
    .execute();
  const replies = await db
    .selectFrom('posts')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .where('isOpening', '=', 0)
    .where('deletedAt', 'is', null)
    .groupBy('networkId')
    .execute();
  const messages = await db
    .selectFrom('messages as m')
    .innerJoin('memberships as ms', 'ms.userId', 'm.senderId')
    .select(['ms.networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.createdAt', '>=', start)
    .where('m.createdAt', '<', end)
    .where('m.deletedAt', 'is', null)
    .whereRef('ms.joinedAt', '<=', 'm.createdAt')
    .where((eb) => eb.or([eb('ms.endedAt', 'is', null), eb('ms.endedAt', '>', eb.ref('m.createdAt'))]))
    .groupBy('ms.networkId')
    .execute();
  const opened = await db
    .selectFrom('helpRequests')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('createdAt', '>=', start)
    .where('createdAt', '<', end)
    .groupBy('networkId')
    .execute();
  const resolved = await db
    .selectFrom('helpRequests')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('resolvedAt', '>=', start)
    .where('resolvedAt', '<', end)
    .groupBy('networkId')
    .execute();
  const answered = await db
    .selectFrom('helpRequests')
    .select(['networkId', 'createdAt', 'firstResponseAt'])
    .where('firstResponseAt', '>=', start)
    .where('firstResponseAt', '<', end)
    .execute();
  // Held: one-off events starting that day, and occurrences of series where attendance was recorded.
  const oneOff = await db
    .selectFrom('events')
    .select(['networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('startsAt', '>=', start)
    .where('startsAt', '<', dayEnd)
    .where('recurrence', 'is', null)
    .where('status', '=', 'scheduled')
    .groupBy('networkId')
    .execute();
  const attended = await db
    .selectFrom('eventAttendance as a')
    .innerJoin('events as e', 'e.id', 'a.eventId')
    .select(['e.networkId', 'e.recurrence', 'a.eventId', 'a.occurrenceKey', 'a.userId'])
    .where('a.occurrenceKey', '>=', day)
    .where('a.occurrenceKey', '<', `${day}U`)
    .execute();
  return {
    members: toMap(members),
    joined: toMap(joined),
    left: toMap(left),
    topics: toMap(topics),
    replies: toMap(replies),
    messages: toMap(messages),
    opened: toMap(opened),
    resolved: toMap(resolved),
    answered,
    oneOff: toMap(oneOff),
    attended,
  };
}

/**
 * Per network, as of now: active members who accepted its current agreement (every active member
 * when it has none), and active members last active within [driftFrom, driftTo).
 */
export async function standingsNow(db: Kysely<DB>, driftFrom: string, driftTo: string) {
  const accepted = await db
    .selectFrom('documentAcceptances as a')
    .innerJoin('networkDocuments as d', 'd.id', 'a.documentId')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.userId', '=', 'a.userId').onRef('ms.networkId', '=', 'a.networkId'),
    )
    .select(['a.networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.kind', '=', 'agreement')
    .where('ms.status', '=', 'active')
    .where((eb) =>
      eb(
        'd.version',
        '=',
        eb
          .selectFrom('networkDocuments as d2')
          .select((e2) => e2.fn.max('d2.version').as('v'))
          .whereRef('d2.networkId', '=', 'd.networkId')
          .where('d2.kind', '=', 'agreement'),
      ),
    )
    .groupBy('a.networkId')
    .execute();
  const withAgreement = await db
    .selectFrom('networkDocuments')
    .select('networkId')
    .distinct()
    .where('kind', '=', 'agreement')
    .execute();
  const drifting = await db
    .selectFrom('healthMembers as hm')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.userId', '=', 'hm.userId').onRef('ms.networkId', '=', 'hm.networkId'),
    )
    .select(['hm.networkId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ms.status', '=', 'active')
    .where('hm.lastActiveOn', '>=', driftFrom)
    .where('hm.lastActiveOn', '<', driftTo)
    .groupBy('hm.networkId')
    .execute();
  return {
    accepted: toMap(accepted),
    withAgreement: new Set(withAgreement.map((r) => r.networkId)),
    drifting: toMap(drifting),
  };
}

/** Every network's id (the roll-up writes a row for each, zeros included). */
export async function listNetworkIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('networks').select('id').execute();
  return rows.map((r) => r.id);
}

/** Replaces the daily rows of one day. */
export async function saveDaily(db: Kysely<DB>, day: string, rows: HealthDailyTable[]): Promise<void> {
  await db.deleteFrom('healthDaily').where('day', '=', day).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('healthDaily')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Notes that a day was rolled up, and moves the generation on (dashboards read their daily rows anew). */
export async function markRolled(db: Kysely<DB>, day: string, at: string): Promise<void> {
  await db
    .insertInto('healthRollups')
    .values({ day, rolledAt: at })
    .onConflict((oc) => oc.column('day').doUpdateSet({ rolledAt: at }))
    .execute();
  await db
    .updateTable('healthGeneration')
    .set((eb) => ({ generation: eb('generation', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

/** The days rolled up within [fromDay, toDay]. */
export async function rolledDays(db: Kysely<DB>, fromDay: string, toDay: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('healthRollups')
    .select('day')
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute();
  return new Set(rows.map((r) => r.day));
}
