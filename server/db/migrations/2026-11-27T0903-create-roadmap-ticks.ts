import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Roadmap steps a meta-mentor ticked by hand, with the day it was done and a note. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('roadmap_ticks')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ticked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ticked_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('roadmap_ticks_pk', ['network_id', 'step'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('roadmap_ticks').execute();
}
