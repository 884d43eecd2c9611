import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The mentoring log (D3): a mentor's own activities with pseudonymous mentee codes. The note is
 * stored encrypted (AES-256-GCM; null when there is none), never in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // YYYY-MM-DD: the day of the activity (reports group it by month).
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON array of expertise area codes.
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('mentee_code', 'text', (c) => c.notNull())
    // base64 of version byte, IV, ciphertext and tag; bound to the row's id and author.
    .addColumn('note_sealed', 'text')
    .addColumn('privacy_confirmed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // A mentor's own log (all networks, or one), newest first.
  await db.schema
    .createIndex('activities_user_idx')
    .on('activities')
    .columns(['user_id', 'occurred_on', 'id'])
    .execute();
  // Impact reports: a network's activities in a period.
  await db.schema
    .createIndex('activities_network_idx')
    .on('activities')
    .columns(['network_id', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activities').execute();
}
