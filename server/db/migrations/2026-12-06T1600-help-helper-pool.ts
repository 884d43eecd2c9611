import type { Kysely } from 'kysely';

/**
 * The pool of likely helpers of a request (JSON array of user ids, best pre-score first) and when it
 * was worked out: suggested helpers are ranked within it, so that reading them does not rank every
 * member of a large network again. Null until first asked for; cleared when the request is edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('help_requests').addColumn('helper_pool', 'text').execute();
  await db.schema.alterTable('help_requests').addColumn('helper_pool_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('help_requests').dropColumn('helper_pool_at').execute();
  await db.schema.alterTable('help_requests').dropColumn('helper_pool').execute();
}
