import { type Kysely, sql } from 'kysely';

/**
 * A network's open requests without an answer by when they were asked, in an index of their own:
 * the health dashboard counts those older than its threshold on every request (1,185 of the busiest
 * network's requests at the large scale), from the index alone. Queries must state the condition
 * with literal values (not bound ones) for either database to use it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('help_requests_unanswered_idx')
    .on('help_requests')
    .columns(['network_id', 'created_at'])
    .where(sql<boolean>`status = 'open' and response_count = 0`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('help_requests_unanswered_idx').execute();
}
