import type { Kysely } from 'kysely';
import type { NetworkPhase } from '../../../common/roadmap.ts';
import type { DB } from '../../db/schema.ts';
import type { RoadmapTickRow } from './roadmap.table.ts';

/** A network's phase and when it last changed. */
export function findNetworkPhase(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('networks')
    .select(['phase', 'phaseChangedAt'])
    .where('id', '=', networkId)
    .executeTakeFirstOrThrow();
}

/** Sets the phase, only if it is still `from` (two meta-mentors clicking at once change it once). */
export async function updateNetworkPhase(
  db: Kysely<DB>,
  networkId: string,
  from: NetworkPhase,
  to: NetworkPhase,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('networks')
    .set({ phase: to, phaseChangedAt: now })
    .where('id', '=', networkId)
    .where('phase', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Manual ticks of a network with who ticked them. */
export function listTicks(db: Kysely<DB>, networkId: string) {
  return db
    .selectFrom('roadmapTicks as t')
    .leftJoin('users as u', 'u.id', 't.tickedBy')
    .selectAll('t')
    .select('u.displayName as tickerName')
    .where('t.networkId', '=', networkId)
    .execute();
}

/** Ticks a step, or changes its day and note. */
export async function upsertTick(db: Kysely<DB>, row: RoadmapTickRow): Promise<void> {
  await db
    .insertInto('roadmapTicks')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['networkId', 'step']).doUpdateSet({
        doneOn: row.doneOn,
        note: row.note,
        tickedBy: row.tickedBy,
        tickedAt: row.tickedAt,
      }),
    )
    .execute();
}

/** Unticks a step; whether it was ticked. */
export async function deleteTick(db: Kysely<DB>, networkId: string, step: string): Promise<boolean> {
  const result = await db
    .deleteFrom('roadmapTicks')
    .where('networkId', '=', networkId)
    .where('step', '=', step)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The n-th (0-based) earliest value of a time column, or null. */
async function nth<T extends { at: string | null }>(rows: Promise<T[]>, n = 0): Promise<string | null> {
  return (await rows)[n]?.at ?? null;
}

/**
 * When each automatic step happened, as far as the data shows (null: not yet); the meta-mentor's
 * appointment is read from the memberships by the service. One query per step, each on an indexed
 * network column; the roadmap is read rarely.
 */
export async function findAutoStepTimes(
  db: Kysely<DB>,
  network: { id: string; organisationId: string },
  options: { activeSince: string; activeTarget: number },
) {
  const id = network.id;
  const sessions = db
    .selectFrom('moocSessions')
    .select('createdAt as at')
    .where('networkId', '=', id)
    .orderBy('createdAt')
    .limit(2)
    .execute();
  const [
    moocSession,
    anotherMoocSession,
    graduateJoined,
    goalDefined,
    goalUpdate,
    experienced,
    office,
    secondOrganisation,
    agreement,
    active,
  ] = await Promise.all([
    nth(sessions, 0),
    nth(sessions, 1),
    nth(
      db
        .selectFrom('moocGraduates')
        .select('joinedAt as at')
        .where('networkId', '=', id)
        .where('status', '=', 'joined')
        .orderBy('joinedAt')
        .limit(1)
        .execute(),
    ),
    nth(
      db
        .selectFrom('goals')
        .select('createdAt as at')
        .where('networkId', '=', id)
        .orderBy('createdAt')
        .limit(1)
        .execute(),
    ),
    nth(
      db
        .selectFrom('goalUpdates')
        .select('createdAt as at')
        .where('networkId', '=', id)
        .orderBy('createdAt')
        .limit(1)
        .execute(),
    ),
    nth(
      db
        .selectFrom('memberships')
        .select('joinedAt as at')
        .where('networkId', '=', id)
        .where('status', '=', 'active')
        .where('level', '=', 'experienced')
        .orderBy('joinedAt')
        .limit(1)
        .execute(),
    ),
    nth(
      db
        .selectFrom('networkOffices')
        .select('updatedAt as at')
        .where('networkId', '=', id)
        .where((eb) =>
          eb.or([
            eb('contactEmail', 'is not', null),
            eb('contactPhone', 'is not', null),
            eb('address', 'is not', null),
          ]),
        )
        .execute(),
    ),
    nth(
      db
        .selectFrom('networkOrganisations')
        .select('createdAt as at')
        .where('networkId', '=', id)
        .where('organisationId', '!=', network.organisationId)
        .orderBy('createdAt')
        .limit(1)
        .execute(),
    ),
    agreementAdoptedAt(db, id),
    activeMembers(db, id, options.activeSince),
  ]);
  return {
    moocSession,
    anotherMoocSession,
    graduateJoined,
    goalDefined,
    goalUpdate,
    experienced,
    office,
    secondOrganisation,
    agreement,
    activeCount: active.length,
    // From the moment the target-th most recently seen member was seen, the target was reached.
    activeReachedAt:
      active.length >= options.activeTarget ? (active[options.activeTarget - 1] ?? null) : null,
  };
}

/**
 * The agreement and rules count as adopted once their current versions were each accepted by at
 * least one member: the later of the two first acceptances.
 */
async function agreementAdoptedAt(db: Kysely<DB>, networkId: string): Promise<string | null> {
  const rows = await db
    .selectFrom('networkDocuments as d')
    .innerJoin('documentAcceptances as a', 'a.documentId', 'd.id')
    .select((eb) => ['d.kind', eb.fn.min('a.acceptedAt').as('first')])
    .where('d.networkId', '=', networkId)
    .where('d.version', '=', (eb) =>
      eb
        .selectFrom('networkDocuments as latest')
        .select((e) => e.fn.max('latest.version').as('v'))
        .whereRef('latest.networkId', '=', 'd.networkId')
        .whereRef('latest.kind', '=', 'd.kind'),
    )
    .groupBy('d.kind')
    .execute();
  if (rows.length < 2) return null;
  const times = rows.map((r) => String(r.first));
  return times.sort()[times.length - 1] ?? null;
}

/** When each active member was last seen within the window (sessions' last_seen_at), most recent first. */
async function activeMembers(db: Kysely<DB>, networkId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('sessions as s', 's.userId', 'm.userId')
    .select((eb) => ['m.userId', eb.fn.max('s.lastSeenAt').as('seen')])
    .where('m.networkId', '=', networkId)
    .where('m.status', '=', 'active')
    .where('s.lastSeenAt', '>=', since)
    .groupBy('m.userId')
    .execute();
  return rows
    .map((r) => String(r.seen))
    .sort()
    .reverse();
}
