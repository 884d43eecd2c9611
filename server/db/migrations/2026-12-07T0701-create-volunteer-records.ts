import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Volunteer records (B6): training taken outside the platform, checks seen by staff (never the
 * document itself) and the commitment agreed, per member and network.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  const num = pg ? sql`double precision` : sql`real`;
  await db.schema
    .createTable('volunteer_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_trainings_member_idx')
    .on('volunteer_trainings')
    .columns(['network_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('volunteer_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seen_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // Per member, and the checks that expire soon (reminders to staff).
  await db.schema
    .createIndex('volunteer_checks_member_idx')
    .on('volunteer_checks')
    .columns(['network_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('volunteer_checks_expiry_idx')
    .on('volunteer_checks')
    .column('valid_until')
    .execute();
  await db.schema
    .createTable('volunteer_commitments')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('hours_per_week', num, (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_commitments_pk', ['network_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('volunteer_commitments').execute();
  await db.schema.dropTable('volunteer_checks').execute();
  await db.schema.dropTable('volunteer_trainings').execute();
}
