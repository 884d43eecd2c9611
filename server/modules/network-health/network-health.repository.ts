import { type Kysely, sql } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { HealthDailyRow } from './network-health.table.ts';

const SETTINGS_COLUMNS = [
  'healthUnansweredHours as unansweredHours',
  'healthEventGapWeeks as eventGapWeeks',
  'healthMetaInactiveDays as metaInactiveDays',
  'healthAgreementPercent as agreementPercent',
  'healthFallingWeeks as fallingWeeks',
] as const;

/** A network's early-warning thresholds. */
export async function findSettings(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('networks')
    .select(SETTINGS_COLUMNS)
    .where('id', '=', networkId)
    .executeTakeFirstOrThrow();
}

/** The plain query of `settingsAndGeneration` (the equality test runs it beside the precompiled one). */
export const settingsAndGenerationSelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db
    .selectFrom('networks')
    .select(SETTINGS_COLUMNS)
    .select((eb) =>
      eb.selectFrom('healthGeneration').select('generation').where('id', '=', 1).as('generation'),
    )
    .where('id', '=', p.networkId);

const settingsAndGeneration = precompiled(settingsAndGenerationSelect, { values: ['networkId'] });

/** A network's thresholds and the roll-ups' generation (see HealthGenerationTable), in one statement. */
export async function findSettingsAndGeneration(db: Kysely<DB>, networkId: string) {
  const [row] = await settingsAndGeneration(db, { networkId });
  if (!row) throw new Error(`no network ${networkId}`);
  const { generation, ...settings } = row;
  return { settings, generation: Number(generation ?? 0) };
}

/** What `liveFigures` counts: thresholds already turned into instants, and the live part of today. */
export type LiveFiguresParams = {
  networkId: string;
  unansweredBefore: string;
  eventSince: string;
  now: string;
  /** Today's figures are counted over [since, until) (the part of today the roll-up has not counted). */
  since: string;
  until: string;
};

/**
 * A network column compared as an expression (`network_id || ''`, the same text on both databases)
 * so that no index on it is used: the query is then read through the index on its time instead.
 */
const byTimeIndex = (column: 'networkId') => sql<string>`${sql.ref(column)} || ''`;

/** The plain query of `liveFigures` (the equality test runs it beside the precompiled one). */
export const liveFiguresSelect = (db: Kysely<DB>, p: LiveFiguresParams) =>
  db
    .selectFrom('networks as n')
    .select((eb) => [
      eb
        .selectFrom('helpRequests')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where('networkId', '=', p.networkId)
        // Literal values, so that both databases read the count from help_requests_unanswered_idx.
        .where('status', '=', sql.lit('open'))
        .where('responseCount', '=', sql.lit(0))
        .where('createdAt', '<', p.unansweredBefore)
        .as('unanswered'),
      eb
        .selectFrom('buddyPairs')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where('networkId', '=', p.networkId)
        .where('status', '=', 'active')
        .as('pairs'),
      eb
        .selectFrom('events')
        .select('id')
        .where('networkId', '=', p.networkId)
        .where('status', '=', 'scheduled')
        .where('startsAt', '<=', p.now)
        .where((w) =>
          w.or([
            w('startsAt', '>=', p.eventSince),
            w.and([
              w('recurrence', 'is not', null),
              w.or([w('lastEndsAt', 'is', null), w('lastEndsAt', '>=', p.eventSince)]),
            ]),
          ]),
        )
        .limit(1)
        .as('recentEventId'),
      // The live part of today's counted figures as the roll-up counts them (see rollup.repository
      // countsOfDay), each read through its time index: today's rows of every network are few, where the
      // busiest network's own rows are thousands (SQLite chose its network index: 3–10 ms each).
      eb
        .selectFrom('topics')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', p.networkId)
        .where('createdAt', '>=', p.since)
        .where('createdAt', '<', p.until)
        .where('deletedAt', 'is', null)
        .as('discussions'),
      eb
        .selectFrom('posts')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', p.networkId)
        .where('createdAt', '>=', p.since)
        .where('createdAt', '<', p.until)
        .where('isOpening', '=', 0)
        .where('deletedAt', 'is', null)
        .as('replies'),
      eb
        .selectFrom('helpRequests')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', p.networkId)
        .where('createdAt', '>=', p.since)
        .where('createdAt', '<', p.until)
        .as('helpOpened'),
      eb
        .selectFrom('helpRequests')
        .select((e) => e.fn.countAll<number>().as('c'))
        .where(byTimeIndex('networkId'), '=', p.networkId)
        .where('resolvedAt', '>=', p.since)
        .where('resolvedAt', '<', p.until)
        .as('helpResolved'),
    ])
    .where('n.id', '=', p.networkId);

const liveFiguresQuery = precompiled(liveFiguresSelect, {
  values: ['networkId', 'unansweredBefore', 'eventSince', 'now', 'since', 'until'],
});

/**
 * The figures that must show a change at once, read live in one statement: open requests without
 * an answer created before `unansweredBefore`, active buddy pairs, whether an event took place since
 * `eventSince`, and the discussions, replies, requests opened and resolved within [since, until).
 */
export async function liveFigures(db: Kysely<DB>, params: LiveFiguresParams) {
  const [row] = await liveFiguresQuery(db, params);
  const n = (value: unknown) => Number(value ?? 0);
  return {
    unanswered: n(row?.unanswered),
    pairs: n(row?.pairs),
    hadRecentEvent: row?.recentEventId !== null && row?.recentEventId !== undefined,
    today: {
      discussions: n(row?.discussions),
      replies: n(row?.replies),
      helpOpened: n(row?.helpOpened),
      helpResolved: n(row?.helpResolved),
    },
  };
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

// The dashboard's reads below are built and compiled once, then only executed (db/precompiled.ts).

/** The plain query of `lastActiveBetween` (the equality test runs it beside the precompiled one). */
export const lastActiveBetweenSelect = (db: Kysely<DB>, p: LastActiveBetweenParams) => {
  let q = db
    .selectFrom('healthMembers as hm')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.userId', '=', 'hm.userId').onRef('ms.networkId', '=', 'hm.networkId'),
    )
    .innerJoin('users as u', 'u.id', 'hm.userId')
    .select(['u.id', 'u.displayName', 'hm.lastActiveOn'])
    .where('hm.networkId', '=', p.networkId)
    .where('ms.status', '=', 'active')
    .where('hm.lastActiveOn', '>=', p.fromDay)
    .where('hm.lastActiveOn', '<', p.toDay)
    .orderBy('hm.lastActiveOn', 'desc')
    .orderBy('u.id')
    .limit(p.limit);
  const { afterDay, afterId } = p;
  if (afterDay !== undefined && afterId !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb('hm.lastActiveOn', '<', afterDay),
        eb.and([eb('hm.lastActiveOn', '=', afterDay), eb('u.id', '>', afterId)]),
      ]),
    );
  }
  return q;
};

// A type, not an interface: precompiled() needs its parameters to be a record.
export type LastActiveBetweenParams = {
  networkId: string;
  fromDay: string;
  toDay: string;
  limit: number;
  /** The keyset cursor (the last row of the page before): both or neither. */
  afterDay?: string | undefined;
  afterId?: string | undefined;
};

const lastActiveBetween = precompiled(lastActiveBetweenSelect, {
  values: ['networkId', 'fromDay', 'toDay', 'limit', 'afterDay', 'afterId'],
});

/** Active members last active within [fromDay, toDay), most recently active first, then by id. */
export function listLastActiveBetween(
  db: Kysely<DB>,
  networkId: string,
  fromDay: string,
  toDay: string,
  limit: number,
  after?: { day: string; id: string },
) {
  return lastActiveBetween(db, {
    networkId,
    fromDay,
    toDay,
    limit,
    afterDay: after?.day,
    afterId: after?.id,
  });
}

/** The plain query of `metaMentors` (the equality test runs it beside the precompiled one). */
export const metaMentorsSelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .leftJoin('healthMembers as hm', (j) =>
      j.onRef('hm.userId', '=', 'ms.userId').onRef('hm.networkId', '=', 'ms.networkId'),
    )
    .select(['u.id', 'u.displayName', 'hm.lastActiveOn', 'ms.joinedAt'])
    .where('ms.networkId', '=', p.networkId)
    .where('ms.status', '=', 'active')
    .where('ms.role', '=', 'meta_mentor')
    .orderBy('u.id');

const metaMentors = precompiled(metaMentorsSelect, { values: ['networkId'] });

/** The active meta-mentors of a network with the day each was last active and when they joined. */
export function listMetaMentors(db: Kysely<DB>, networkId: string) {
  return metaMentors(db, { networkId });
}

/** The plain query of `upcomingEvents` (the equality test runs it beside the precompiled one). */
export const upcomingEventsSelect = (db: Kysely<DB>, p: { networkId: string; now: string; limit: number }) =>
  db
    .selectFrom('events')
    .select(['id', 'title', 'startsAt', 'recurrence'])
    .where('networkId', '=', p.networkId)
    .where('status', '=', 'scheduled')
    .where((eb) =>
      eb.or([
        eb.and([eb('recurrence', 'is', null), eb('startsAt', '>=', p.now)]),
        eb.and([
          eb('recurrence', 'is not', null),
          eb.or([eb('lastEndsAt', 'is', null), eb('lastEndsAt', '>=', p.now)]),
        ]),
      ]),
    )
    .orderBy('startsAt')
    .limit(p.limit);

const upcomingEvents = precompiled(upcomingEventsSelect, { values: ['networkId', 'now', 'limit'] });

/** The network's coming events (a series that has not ended counts, with its first start). */
export async function listUpcomingEvents(db: Kysely<DB>, networkId: string, now: string, limit: number) {
  const rows = await upcomingEvents(db, { networkId, now, limit });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.startsAt,
    recurring: r.recurrence !== null,
  }));
}

/** The plain query of `openGoals` (the equality test runs it beside the precompiled one). */
export const openGoalsSelect = (db: Kysely<DB>, p: { networkId: string }) =>
  db
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
    .where('g.networkId', '=', p.networkId)
    .where('g.archivedAt', 'is', null)
    .orderBy('g.createdAt');

const openGoals = precompiled(openGoalsSelect, { values: ['networkId'] });

/** The network's open goals with the latest value reported for each. */
export async function listGoals(db: Kysely<DB>, networkId: string) {
  const rows = await openGoals(db, { networkId });
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

/** The dashboard's precompiled reads by name (the equality test runs each beside its plain query). */
export const precompiledHealthReads = {
  settingsAndGeneration,
  liveFigures: liveFiguresQuery,
  lastActiveBetween,
  metaMentors,
  upcomingEvents,
  openGoals,
};
