import type { Kysely } from 'kysely';

/**
 * Network health (D1): daily roll-ups kept by the job queue so that the dashboard never scans the
 * activity tables. Per network and day the figures of that day (and the distinct active members of
 * the 7 and 30 days up to it); per network, day and member whether they were active (the source of
 * those distinct counts); per network and member the last day they were active (the drifting list);
 * which days were rolled up. Indexes on the creation times of the activity tables let one day be
 * recomputed without a scan. The early-warning thresholds are network settings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_daily')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    // A calendar day (UTC), YYYY-MM-DD.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('active_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active7', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active30', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leavers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discussions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('help_opened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('help_answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('help_resolved', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array: minutes to the first answer of each request first answered that day.
    .addColumn('answer_minutes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('events_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attendance', 'integer', (c) => c.notNull().defaultTo(0))
    // As of when the day was last rolled up: members who accepted the current agreement (all of
    // them when there is none) and members drifting away (active in the 60 days before the last 30).
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drifting', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('health_daily_pk', ['network_id', 'day'])
    .execute();

  await db.schema
    .createTable('health_active_days')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('health_active_days_pk', ['day', 'network_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('health_members')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('last_active_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_members_pk', ['network_id', 'user_id'])
    .execute();
  // The drifting list: a network's members by the day they were last active.
  await db.schema
    .createIndex('health_members_last_idx')
    .on('health_members')
    .columns(['network_id', 'last_active_on'])
    .execute();

  await db.schema
    .createTable('health_rollups')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('rolled_at', 'text', (c) => c.notNull())
    .execute();

  // One day of activity, found by its time (the roll-up job recomputes a day at a time).
  const byTime: [string, string, string[]][] = [
    ['posts_created_idx', 'posts', ['created_at']],
    ['topics_created_idx', 'topics', ['created_at']],
    ['messages_created_idx', 'messages', ['created_at']],
    ['help_requests_created_idx', 'help_requests', ['created_at']],
    ['help_requests_first_response_idx', 'help_requests', ['first_response_at']],
    ['help_requests_resolved_idx', 'help_requests', ['resolved_at']],
    ['help_responses_created_idx', 'help_responses', ['created_at']],
    ['help_offers_created_idx', 'help_offers', ['created_at']],
    ['event_rsvps_responded_idx', 'event_rsvps', ['responded_at']],
    ['event_attendance_occurrence_idx', 'event_attendance', ['occurrence_key']],
    ['memberships_joined_idx', 'memberships', ['joined_at']],
    ['memberships_ended_idx', 'memberships', ['ended_at']],
    // The dashboard's meta-mentors of a network, without reading every membership.
    ['memberships_network_role_idx', 'memberships', ['network_id', 'role', 'status']],
  ];
  for (const [name, table, columns] of byTime) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }

  // Early-warning thresholds, per network (defaults in common/network-health.ts).
  await db.schema
    .alterTable('networks')
    .addColumn('health_unanswered_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .execute();
  await db.schema
    .alterTable('networks')
    .addColumn('health_event_gap_weeks', 'integer', (c) => c.notNull().defaultTo(6))
    .execute();
  await db.schema
    .alterTable('networks')
    .addColumn('health_meta_inactive_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute();
  await db.schema
    .alterTable('networks')
    .addColumn('health_agreement_percent', 'integer', (c) => c.notNull().defaultTo(80))
    .execute();
  await db.schema
    .alterTable('networks')
    .addColumn('health_falling_weeks', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    'health_falling_weeks',
    'health_agreement_percent',
    'health_meta_inactive_days',
    'health_event_gap_weeks',
    'health_unanswered_hours',
  ]) {
    await db.schema.alterTable('networks').dropColumn(column).execute();
  }
  for (const name of [
    'memberships_network_role_idx',
    'memberships_ended_idx',
    'memberships_joined_idx',
    'event_attendance_occurrence_idx',
    'event_rsvps_responded_idx',
    'help_offers_created_idx',
    'help_responses_created_idx',
    'help_requests_resolved_idx',
    'help_requests_first_response_idx',
    'help_requests_created_idx',
    'messages_created_idx',
    'topics_created_idx',
    'posts_created_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.dropTable('health_rollups').execute();
  await db.schema.dropIndex('health_members_last_idx').execute();
  await db.schema.dropTable('health_members').execute();
  await db.schema.dropTable('health_active_days').execute();
  await db.schema.dropTable('health_daily').execute();
}
