import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Realtime events too large for a PostgreSQL NOTIFY payload (8000 bytes) are parked here for a
 * minute; the notification carries only the row id and other instances load the event by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('realtime_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('realtime_outbox').execute();
}
