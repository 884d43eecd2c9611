import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Volunteer records (B6), leaving and reminders: a member's departure with its handover (which
 * mentee codes and open help requests go to whom) and the day their records are deleted; the
 * reminders sent to staff (once each); and the retention period each network sets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('volunteer_departures')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('left_on', 'text', (c) => c.notNull())
    .addColumn('handover', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('purge_on', 'text', (c) => c.notNull())
    .addColumn('purged_at', ts)
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_departures_pk', ['network_id', 'user_id'])
    .execute();
  // The daily job looks for departures whose records are due for deletion.
  await db.schema
    .createIndex('volunteer_departures_purge_idx')
    .on('volunteer_departures')
    .columns(['purged_at', 'purge_on'])
    .execute();
  await db.schema
    .createTable('volunteer_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the reminder is about: the check's id and end day, or the commitment's end day.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addUniqueConstraint('volunteer_reminders_once', ['network_id', 'user_id', 'kind', 'subject'])
    .execute();
  await db.schema
    .createTable('volunteer_record_settings')
    .addColumn('network_id', 'text', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('volunteer_record_settings').execute();
  await db.schema.dropTable('volunteer_reminders').execute();
  await db.schema.dropTable('volunteer_departures').execute();
}
