import { type Kysely, sql } from 'kysely';

/** At most one pending application per person and network, even when two arrive at once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('applications_one_pending_idx')
    .on('applications')
    .columns(['network_id', 'user_id'])
    .unique()
    .where(sql<boolean>`status = 'pending'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_one_pending_idx').execute();
}
