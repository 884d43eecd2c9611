import type { Kysely } from 'kysely';

/** The publisher's optional summary of what changed in a version of the agreement or rules. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network_documents').addColumn('summary', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network_documents').dropColumn('summary').execute();
}
