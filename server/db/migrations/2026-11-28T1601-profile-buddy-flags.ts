import type { Kysely } from 'kysely';

/** Two statements on a profile, shown in member directories: looking for a buddy, open to being one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('looking_for_buddy', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('profiles')
    .addColumn('open_to_buddy', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('profiles').dropColumn('open_to_buddy').execute();
  await db.schema.alterTable('profiles').dropColumn('looking_for_buddy').execute();
}
