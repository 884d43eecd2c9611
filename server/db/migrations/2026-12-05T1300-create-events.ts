import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Events (C6): meetings with organisers, single-occurrence changes, RSVPs with a waiting list,
 * recorded attendance, sent reminders, and each user's secret calendar feed address. An event keeps
 * its local wall time and IANA zone (what people agreed on) and the UTC instants derived from them
 * (first start, first end, end of the last occurrence) for range queries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('online_url', 'text')
    .addColumn('address', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('starts_local', 'text', (c) => c.notNull())
    .addColumn('ends_local', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    // The end of the last occurrence; null for a series without end.
    .addColumn('last_ends_at', ts)
    // JSON of the recurrence (contracts/events.ts Recurrence), null for a single event.
    .addColumn('recurrence', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_network_start_idx')
    .on('events')
    .columns(['network_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('events_last_end_idx').on('events').columns(['last_ends_at']).execute();

  await db.schema
    .createTable('event_organisers')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_organisers_pk', ['event_id', 'user_id'])
    .execute();

  // One occurrence of a series with a state or time of its own, named by its original local start.
  await db.schema
    .createTable('event_occurrences')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('starts_local', 'text')
    .addColumn('ends_local', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_occurrences_pk', ['event_id', 'occurrence_key'])
    .execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('waiting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('responded_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_rsvps_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_rsvps_user_idx').on('event_rsvps').columns(['user_id']).execute();

  await db.schema
    .createTable('event_attendance')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_attendance_pk', ['event_id', 'occurrence_key', 'user_id'])
    .execute();

  // A reminder claimed for one occurrence and lead time, so each goes out once.
  await db.schema
    .createTable('event_reminders')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('sent_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_reminders_pk', ['event_id', 'occurrence_key', 'hours'])
    .execute();

  // The secret address of a user's personal feed (read-only; shown again in the account page).
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // Whether mentors (not only the meta-mentor and office) may create events in the network.
  await db.schema
    .alterTable('networks')
    .addColumn('members_create_events', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('networks').dropColumn('members_create_events').execute();
  for (const table of [
    'calendar_feeds',
    'event_reminders',
    'event_attendance',
    'event_rsvps',
    'event_occurrences',
    'event_organisers',
    'events',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
