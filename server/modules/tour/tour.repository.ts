import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { NetworkToursTable } from './tour.table.ts';

export async function findTourStatus(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
): Promise<NetworkToursTable['status'] | null> {
  const row = await db
    .selectFrom('networkTours')
    .select('status')
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.status ?? null;
}

export async function saveTourStatus(db: Kysely<DB>, row: NetworkToursTable): Promise<void> {
  await db
    .insertInto('networkTours')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['networkId', 'userId']).doUpdateSet({ status: row.status, updatedAt: row.updatedAt }),
    )
    .execute();
}

export async function findWelcomeText(db: Kysely<DB>, networkId: string): Promise<string> {
  const row = await db
    .selectFrom('networks')
    .select('welcomeText')
    .where('id', '=', networkId)
    .executeTakeFirst();
  return row?.welcomeText ?? '';
}

export async function saveWelcomeText(
  db: Kysely<DB>,
  networkId: string,
  welcomeText: string,
  updatedAt: string,
): Promise<void> {
  await db.updateTable('networks').set({ welcomeText, updatedAt }).where('id', '=', networkId).execute();
}
