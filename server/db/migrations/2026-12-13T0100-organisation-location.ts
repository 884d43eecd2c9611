import type { Kysely } from 'kysely';

/**
 * Where an organisation on the platform is (decimal degrees, both or neither), set by its admins
 * with its directory listing: its directory entry shows on the map and in distance sorting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('latitude', 'double precision').execute();
  await db.schema.alterTable('organisations').addColumn('longitude', 'double precision').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('longitude').execute();
  await db.schema.alterTable('organisations').dropColumn('latitude').execute();
}
