import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { HealthDailyRow } from './network-health.table.ts';

/** A network's early-warning thresholds. */
export async function findSettings(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('networks')
    .select([
      'healthUnansweredHours as unansweredHours',
      'healthEventGapWeeks as eventGapWeeks',
      'healthMetaInactiveDays as metaInactiveDays',
      'healthAgreementPercent as agreementPercent',
      'healthFallingWeeks as fallingWeeks',
    ])
    .where('id', '=', networkId)
    .executeTakeFirstOrThrow();
}

/** Stores thresholds (those given). */
export async function updateSettings(
  db: Kysely<DB>,
  networkId: string,
  values: Partial<
    Record<
      'unansweredHours' | 'eventGapWeeks' | 'metaInactiveDays' | 'agreementPercent' | 'fallingWeeks',
      number
    >
  >,
): Promise<void> {
  await db
    .updateTable('networks')
    .set({
      healthUnansweredHours: values.unansweredHours,
      healthEventGapWeeks: values.eventGapWeeks,
      healthMetaInactiveDays: values.metaInactiveDays,
      healthAgreementPercent: values.agreementPercent,
      healthFallingWeeks: values.fallingWeeks,
    })
    .where('id', '=', networkId)
    .execute();
}

/** The daily roll-ups of networks within [fromDay, toDay], by day. */
export async function listDaily(
  db: Kysely<DB>,
  networkIds: string[],
  fromDay: string,
  toDay: string,
): Promise<HealthDailyRow[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('healthDaily')
    .selectAll()
    .where('networkId', 'in', networkIds)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute();
}

/** A network's newest daily roll-up up to a day. */
export async function latestDaily(
  db: Kysely<DB>,
  networkId: string,
  toDay: string,
): Promise<HealthDailyRow | undefined> {
  return db
    .selectFrom('healthDaily')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('day', '<=', toDay)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** When the newest roll-up ran. */
export async function lastRolledAt(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('healthRollups')
    .select((eb) => eb.fn.max('rolledAt').as('at'))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** Active members last active within [fromDay, toDay), most recently active first. */
export async function listLastActiveBetween(
  db: Kysely<DB>,
  networkId: string,
  fromDay: string,
  toDay: string,
  limit: number,
) {
  return db
    .selectFrom('healthMembers as hm')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.userId', '=', 'hm.userId').onRef('ms.networkId', '=', 'hm.networkId'),
    )
    .innerJoin('users as u', 'u.id', 'hm.userId')
    .select(['u.id', 'u.displayName', 'hm.lastActiveOn'])
    .where('hm.networkId', '=', networkId)
    .where('ms.status', '=', 'active')
    .where('hm.lastActiveOn', '>=', fromDay)
    .where('hm.lastActiveOn', '<', toDay)
    .orderBy('hm.lastActiveOn', 'desc')
    .orderBy('u.id')
    .limit(limit)
    .execute();
}

/** The active meta-mentors of a network with the day each was last active and when they joined. */
export async function listMetaMentors(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .leftJoin('healthMembers as hm', (j) =>
      j.onRef('hm.userId', '=', 'ms.userId').onRef('hm.networkId', '=', 'ms.networkId'),
    )
    .select(['u.id', 'u.displayName', 'hm.lastActiveOn', 'ms.joinedAt'])
    .where('ms.networkId', '=', networkId)
    .where('ms.status', '=', 'active')
    .where('ms.role', '=', 'meta_mentor')
    .orderBy('u.id')
    .execute();
}

/** Open help requests without any answer created before `before`. */
export async function countUnanswered(db: Kysely<DB>, networkId: string, before: string): Promise<number> {
  const row = await db
    .selectFrom('helpRequests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('networkId', '=', networkId)
    .where('status', '=', 'open')
    .where('responseCount', '=', 0)
    .where('createdAt', '<', before)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active buddy pairings. */
export async function countActivePairs(db: Kysely<DB>, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('buddyPairs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether an event of the network took place within [since, until]: a one-off starting then, or a running series. */
export async function hasEventBetween(
  db: Kysely<DB>,
  networkId: string,
  since: string,
  until: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('id')
    .where('networkId', '=', networkId)
    .where('status', '=', 'scheduled')
    .where('startsAt', '<=', until)
    .where((eb) =>
      eb.or([
        eb('startsAt', '>=', since),
        eb.and([
          eb('recurrence', 'is not', null),
          eb.or([eb('lastEndsAt', 'is', null), eb('lastEndsAt', '>=', since)]),
        ]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The network's coming events (a series that has not ended counts, with its first start). */
export async function listUpcomingEvents(db: Kysely<DB>, networkId: string, now: string, limit: number) {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'title', 'startsAt', 'recurrence'])
    .where('networkId', '=', networkId)
    .where('status', '=', 'scheduled')
    .where((eb) =>
      eb.or([
        eb.and([eb('recurrence', 'is', null), eb('startsAt', '>=', now)]),
        eb.and([
          eb('recurrence', 'is not', null),
          eb.or([eb('lastEndsAt', 'is', null), eb('lastEndsAt', '>=', now)]),
        ]),
      ]),
    )
    .orderBy('startsAt')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.startsAt,
    recurring: r.recurrence !== null,
  }));
}

/** The network's open goals with the latest value reported for each. */
export async function listGoals(db: Kysely<DB>, networkId: string) {
  const rows = await db
    .selectFrom('goals as g')
    .select([
      'g.id',
      'g.title',
      'g.unit',
      'g.startValue',
      'g.targetValue',
      'g.dueOn',
      (eb) =>
        eb
          .selectFrom('goalUpdates as gu')
          .select('gu.value')
          .whereRef('gu.goalId', '=', 'g.id')
          .where('gu.value', 'is not', null)
          .orderBy('gu.id', 'desc')
          .limit(1)
          .as('latestValue'),
    ])
    .where('g.networkId', '=', networkId)
    .where('g.archivedAt', 'is', null)
    .orderBy('g.createdAt')
    .execute();
  return rows.map((r) => ({
    ...r,
    latestValue: r.latestValue === null || r.latestValue === undefined ? null : Number(r.latestValue),
  }));
}

/** The networks an organisation founded. */
export async function listOrganisationNetworks(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('networks')
    .select(['id', 'slug', 'name'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .execute();
}
