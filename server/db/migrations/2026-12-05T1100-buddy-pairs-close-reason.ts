import type { Kysely } from 'kysely';

/**
 * Why a pairing was closed when nobody closed it by hand: the beginner or the buddy is no longer a
 * member of the network (left or was removed). Null for pairings closed by a person's own act.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('buddy_pairs').addColumn('close_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('buddy_pairs').dropColumn('close_reason').execute();
}
