import type { Kysely } from 'kysely';

/**
 * Every page of the events list counts the answers to its events by (response, waiting). With only
 * the primary key (event_id, user_id) each answer's row was read from the table; an index of
 * (event_id, response, waiting) holds all the count needs, so it is read from the index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('event_rsvps_counts_idx')
    .on('event_rsvps')
    .columns(['event_id', 'response', 'waiting'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('event_rsvps_counts_idx').execute();
}
