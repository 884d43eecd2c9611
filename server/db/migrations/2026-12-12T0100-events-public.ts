import type { Kysely } from 'kysely';

/**
 * Public events (E1): an event of a public network may be shown on the network's public page and
 * to anyone without an account. Off by default; the public list reads by network and start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('events_network_public_idx')
    .on('events')
    .columns(['network_id', 'is_public', 'starts_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_network_public_idx').execute();
  await db.schema.alterTable('events').dropColumn('is_public').execute();
}
