import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { NetworkOfficeRow } from './office.table.ts';

/** The office row of a network, if it was set up. */
export function findOffice(db: Kysely<DB>, networkId: string): Promise<NetworkOfficeRow | undefined> {
  return db.selectFrom('networkOffices').selectAll().where('networkId', '=', networkId).executeTakeFirst();
}

/** Creates or replaces the office row. */
export async function upsertOffice(db: Kysely<DB>, row: NetworkOfficeRow): Promise<void> {
  const { networkId: _key, ...values } = row;
  await db
    .insertInto('networkOffices')
    .values(row)
    .onConflict((oc) => oc.column('networkId').doUpdateSet(values))
    .execute();
}
