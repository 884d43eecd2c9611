import type { Kysely } from 'kysely';

/**
 * The instant up to which a daily health row counted what was created, joined, answered or resolved
 * (null: the whole day). A roll-up of today counts up to the moment it runs; the dashboard adds only
 * what came after that instant, instead of reading all of today's activity on every request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('health_daily').addColumn('counted_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('health_daily').dropColumn('counted_until').execute();
}
