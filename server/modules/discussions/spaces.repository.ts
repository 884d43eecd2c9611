import type { Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { SpaceRow } from './discussions.table.ts';

/** Inserts spaces. */
export async function insertSpaces(db: Kysely<DB>, rows: SpaceRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('spaces').values(rows).execute();
}

/** Whether a network has any spaces yet. */
export async function hasSpaces(db: Kysely<DB>, networkId: string): Promise<boolean> {
  const row = await db
    .selectFrom('spaces')
    .select('id')
    .where('networkId', '=', networkId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A space with the number of its topics that are not deleted. */
export interface SpaceListRow extends SpaceRow {
  topicCount: number | null;
}

/** A network's spaces in order, with the number of topics that are not deleted. */
export function listSpaces(db: Kysely<DB>, networkId: string): Promise<SpaceListRow[]> {
  return db
    .selectFrom('spaces as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('topics as t')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('t.spaceId', '=', 's.id')
        .where('t.deletedAt', 'is', null)
        .as('topicCount'),
    )
    .where('s.networkId', '=', networkId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
}

const spaceOfNetwork = precompiled(
  (db, p: { networkId: string; spaceId: string }) =>
    db.selectFrom('spaces').selectAll().where('networkId', '=', p.networkId).where('id', '=', p.spaceId),
  { values: ['networkId', 'spaceId'] },
);

/** One space of a network (a space id from another network is not found). */
export async function findSpace(
  db: Kysely<DB>,
  networkId: string,
  spaceId: string,
): Promise<SpaceRow | undefined> {
  const [row] = await spaceOfNetwork(db, { networkId, spaceId });
  return row;
}

/** The next free position at the end of a network's spaces. */
export async function nextSpacePosition(db: Kysely<DB>, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('spaces')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('networkId', '=', networkId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Updates a space. */
export async function updateSpace(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<SpaceRow, 'name' | 'archivedAt' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('spaces').set(changes).where('id', '=', id).execute();
}
