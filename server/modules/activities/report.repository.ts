import { type Kysely, sql } from 'kysely';
import type { ActivityKind } from '../../../common/activities.ts';
import type { DB } from '../../db/schema.ts';

/**
 * What impact reports read: the facts of activities (never notes) and the counts of the networks'
 * help requests, events, MOOC graduates and goals in a period. Read-only aggregates over the
 * tables of those features, in one place so that a report is a handful of queries.
 */

export interface Period {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/** The instant after the period's last day, for timestamp comparisons. */
export function endInstant(period: Period): string {
  const next = new Date(`${period.to}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
const startInstant = (period: Period) => `${period.from}T00:00:00.000Z`;

export interface ActivityFactRow {
  userId: string;
  occurredOn: string;
  durationMinutes: number;
  kind: ActivityKind;
  topics: string;
  menteeCode: string;
}

/** The activities of the networks in the period, without their notes. */
export function listActivityFacts(
  db: Kysely<DB>,
  networkIds: string[],
  period: Period,
): Promise<ActivityFactRow[]> {
  return db
    .selectFrom('activities')
    .select(['userId', 'occurredOn', 'durationMinutes', 'kind', 'topics', 'menteeCode'])
    .where('networkId', 'in', networkIds)
    .where('occurredOn', '>=', period.from)
    .where('occurredOn', '<=', period.to)
    .execute();
}

/** Help requests resolved in the period. */
export async function countResolvedHelpRequests(
  db: Kysely<DB>,
  networkIds: string[],
  period: Period,
): Promise<number> {
  const row = await db
    .selectFrom('helpRequests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('networkId', 'in', networkIds)
    .where('status', '=', 'resolved')
    .where('resolvedAt', '>=', startInstant(period))
    .where('resolvedAt', '<', endInstant(period))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Events held in the period: one-off events that were not cancelled, and every occurrence (of a
 * series too) for which attendance was recorded; with the attendance records and the distinct
 * people who attended.
 */
export async function countEvents(db: Kysely<DB>, networkIds: string[], period: Period) {
  const [oneOff, attended] = await Promise.all([
    db
      .selectFrom('events')
      .select(['id', 'startsLocal'])
      .where('networkId', 'in', networkIds)
      .where('recurrence', 'is', null)
      .where('status', '!=', 'cancelled')
      .where('startsAt', '>=', startInstant(period))
      .where('startsAt', '<', endInstant(period))
      .execute(),
    db
      .selectFrom('eventAttendance as a')
      .innerJoin('events as e', 'e.id', 'a.eventId')
      .select(['a.eventId', 'a.occurrenceKey', 'a.userId'])
      .where('e.networkId', 'in', networkIds)
      .where(sql<string>`substr(a.occurrence_key, 1, 10)`, '>=', period.from)
      .where(sql<string>`substr(a.occurrence_key, 1, 10)`, '<=', period.to)
      .execute(),
  ]);
  const held = new Set(oneOff.map((e) => `${e.id}|${e.startsLocal}`));
  for (const a of attended) held.add(`${a.eventId}|${a.occurrenceKey}`);
  return {
    held: held.size,
    attendances: attended.length,
    attendees: new Set(attended.map((a) => a.userId)).size,
  };
}

/** MOOC graduates who completed the course in the period (the session's end when no day is known). */
export async function countGraduates(db: Kysely<DB>, networkIds: string[], period: Period): Promise<number> {
  const row = await db
    .selectFrom('moocGraduates as g')
    .innerJoin('moocSessions as s', 's.id', 'g.sessionId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('g.networkId', 'in', networkIds)
    .where((eb) => eb.fn.coalesce('g.completedOn', 's.endsOn'), '>=', period.from)
    .where((eb) => eb.fn.coalesce('g.completedOn', 's.endsOn'), '<=', period.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface GoalFactRow {
  networkName: string;
  title: string;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  dueOn: string | null;
  currentValue: number | null;
}

/** The networks' goals (not archived before the period ended) with their latest value by the period's end. */
export async function listGoalFacts(
  db: Kysely<DB>,
  networkIds: string[],
  period: Period,
): Promise<GoalFactRow[]> {
  const end = endInstant(period);
  return db
    .selectFrom('goals as g')
    .innerJoin('networks as n', 'n.id', 'g.networkId')
    .select([
      'n.name as networkName',
      'g.title',
      'g.unit',
      'g.startValue',
      'g.targetValue',
      'g.dueOn',
      (eb) =>
        eb
          .selectFrom('goalUpdates as u')
          .select('u.value')
          .whereRef('u.goalId', '=', 'g.id')
          .where('u.value', 'is not', null)
          .where('u.createdAt', '<', end)
          .orderBy('u.createdAt', 'desc')
          .limit(1)
          .as('currentValue'),
    ])
    .where('g.networkId', 'in', networkIds)
    .where('g.createdAt', '<', end)
    .where((eb) => eb.or([eb('g.archivedAt', 'is', null), eb('g.archivedAt', '>=', startInstant(period))]))
    .orderBy('n.name')
    .orderBy('g.createdAt')
    .execute();
}

/** The networks an organisation founded, by name. */
export function listFoundedNetworks(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('networks')
    .select(['id', 'name'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .execute();
}

/** The name of a network's founding organisation. */
export async function organisationName(db: Kysely<DB>, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name ?? '';
}
