import type { Kysely } from 'kysely';

/**
 * One counter that every health roll-up moves on: a server process keeps the daily rows it read for
 * a dashboard while the counter stands, and reads them again once it has moved (one row, updated in
 * place, so concurrent roll-ups never end on the same number).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await (db as Kysely<{ health_generation: { id: number; generation: number } }>)
    .insertInto('health_generation')
    .values({ id: 1, generation: 0 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('health_generation').execute();
}
