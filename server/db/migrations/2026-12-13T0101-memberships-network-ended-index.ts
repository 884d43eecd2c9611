import type { Kysely } from 'kysely';

/**
 * A network's members now (those whose membership has not ended) counted from an index alone: the
 * health dashboard reads that count on every request, and the busiest network has 10,000 members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('memberships_network_ended_idx')
    .on('memberships')
    .columns(['network_id', 'ended_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('memberships_network_ended_idx').execute();
}
