import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { GoalListRow, GoalRow, GoalUpdateRow } from './goals.table.ts';

function goalsWithProgress(db: Kysely<DB>) {
  return db
    .selectFrom('goals as g')
    .leftJoin('users as u', 'u.id', 'g.createdBy')
    .selectAll('g')
    .select((eb) => [
      'u.displayName as creatorName',
      eb
        .selectFrom('goalUpdates as gu')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('gu.goalId', '=', 'g.id')
        .as('updateCount'),
      eb
        .selectFrom('goalUpdates as gu')
        .select((e) => e.fn.max('gu.createdAt').as('at'))
        .whereRef('gu.goalId', '=', 'g.id')
        .as('lastUpdateAt'),
      eb
        .selectFrom('goalUpdates as gu')
        .select('gu.value')
        .whereRef('gu.goalId', '=', 'g.id')
        .where('gu.value', 'is not', null)
        .orderBy('gu.id', 'desc')
        .limit(1)
        .as('latestValue'),
    ]);
}

/** A network's goals with their progress, open or archived, oldest first. */
export async function listNetworkGoals(
  db: Kysely<DB>,
  networkId: string,
  archived: boolean,
): Promise<GoalListRow[]> {
  const rows = await goalsWithProgress(db)
    .where('g.networkId', '=', networkId)
    .where('g.archivedAt', archived ? 'is not' : 'is', null)
    .orderBy('g.id')
    .execute();
  return rows.map(normalise);
}

/** One goal of a network with its progress. */
export async function findNetworkGoal(
  db: Kysely<DB>,
  networkId: string,
  id: string,
): Promise<GoalListRow | undefined> {
  const row = await goalsWithProgress(db)
    .where('g.networkId', '=', networkId)
    .where('g.id', '=', id)
    .executeTakeFirst();
  return row && normalise(row);
}

function normalise<T extends { updateCount: unknown; lastUpdateAt: unknown; latestValue: unknown }>(row: T) {
  return {
    ...row,
    updateCount: Number(row.updateCount ?? 0),
    lastUpdateAt: (row.lastUpdateAt as string | null) ?? null,
    latestValue: row.latestValue === null || row.latestValue === undefined ? null : Number(row.latestValue),
  } as unknown as GoalListRow;
}

/** Stores a goal. */
export async function insertGoal(db: Kysely<DB>, row: GoalRow): Promise<void> {
  await db.insertInto('goals').values(row).execute();
}

/** Updates a goal. */
export async function updateGoal(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Omit<GoalRow, 'id' | 'networkId'>>,
): Promise<void> {
  await db.updateTable('goals').set(changes).where('id', '=', id).execute();
}

/** Stores a progress update. */
export async function insertGoalUpdate(db: Kysely<DB>, row: GoalUpdateRow): Promise<void> {
  await db.insertInto('goalUpdates').values(row).execute();
}

/** A goal's updates, oldest first, with authors' names. */
export function listGoalUpdates(db: Kysely<DB>, goalId: string) {
  return db
    .selectFrom('goalUpdates as gu')
    .leftJoin('users as u', 'u.id', 'gu.authorId')
    .selectAll('gu')
    .select('u.displayName as authorName')
    .where('gu.goalId', '=', goalId)
    .orderBy('gu.id')
    .execute();
}
