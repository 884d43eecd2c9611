import type { Kysely } from 'kysely';

/**
 * One stamp per network, raised whenever one of its events is created, changed, deleted or has an
 * occurrence moved or cancelled. A server process keeps the network's upcoming occurrences worked
 * out in memory and reuses them while the stamp is unchanged (events.service listEvents), so every
 * instance sees a change at its next read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_list_stamps')
    .addColumn('network_id', 'text', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_list_stamps').execute();
}
