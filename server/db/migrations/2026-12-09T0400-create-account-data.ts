import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The person's own data (GDPR Art. 15, 17, 20): exports they asked for (a zip kept for 7 days),
 * deletions waiting out their grace period, and the mark an erased account keeps so that its posts
 * and messages show as by a former member.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('users').addColumn('erased_at', ts).execute();
  await db.schema
    .createTable('data_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('size', 'integer')
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('ready_at', ts)
    .addColumn('expires_at', ts)
    .execute();
  await db.schema.createIndex('data_exports_user_idx').on('data_exports').columns(['user_id']).execute();
  await db.schema
    .createTable('account_deletions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('erase_after', ts, (c) => c.notNull())
    .addColumn('remove_post_text', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_deletions').execute();
  await db.schema.dropTable('data_exports').execute();
  await db.schema.alterTable('users').dropColumn('erased_at').execute();
}
