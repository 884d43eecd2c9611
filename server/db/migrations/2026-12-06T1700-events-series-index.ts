import { type Kysely, sql } from 'kysely';

/**
 * The upcoming-events list reads a network's series (events with a recurrence) apart from its
 * one-off events: a partial index keeps that read small however many one-offs a network has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_network_series_idx')
    .on('events')
    .columns(['network_id', 'last_ends_at'])
    .where(sql.ref('recurrence'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_network_series_idx').execute();
}
