import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The first-run tour (F6): who has gone through or skipped it in which network (so it does not
 * come back on another device), and the welcome text a network's meta-mentors write for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('network_tours')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('network_tours_pk', ['network_id', 'user_id'])
    .execute();
  await db.schema
    .alterTable('networks')
    .addColumn('welcome_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('networks').dropColumn('welcome_text').execute();
  await db.schema.dropTable('network_tours').execute();
}
