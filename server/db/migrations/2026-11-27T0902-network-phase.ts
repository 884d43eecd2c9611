import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** The roadmap phase of a network (initiation, organisation, sustaining, growth). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .alterTable('networks')
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('initiation'))
    .execute();
  await db.schema.alterTable('networks').addColumn('phase_changed_at', ts).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('networks').dropColumn('phase_changed_at').execute();
  await db.schema.alterTable('networks').dropColumn('phase').execute();
}
