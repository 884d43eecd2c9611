import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Help requests (C4): a mentor asks the network for support, or for a case consultation. Their
 * responses, the offers to help ("I can help"), and who was told about which request (so that
 * nobody gets more than one e-mail per request). Rows stay: a resolved request is history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    // JSON arrays of codes.
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    // A calendar day, YYYY-MM-DD.
    .addColumn('deadline', 'text')
    .addColumn('privacy_confirmed_at', ts)
    .addColumn('response_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('offer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('last_activity_at', ts, (c) => c.notNull())
    .addColumn('first_response_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('thanks_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('escalated_at', ts)
    .execute();
  // Lists: a network's requests by latest activity (keyset), optionally of one status.
  await db.schema
    .createIndex('help_requests_activity_idx')
    .on('help_requests')
    .columns(['network_id', 'last_activity_at', 'id'])
    .execute();
  await db.schema
    .createIndex('help_requests_status_idx')
    .on('help_requests')
    .columns(['network_id', 'status', 'last_activity_at', 'id'])
    .execute();
  await db.schema
    .createIndex('help_requests_requester_idx')
    .on('help_requests')
    .columns(['requester_id', 'network_id'])
    .execute();
  // The escalation job looks at open requests without a response that were not escalated yet.
  await db.schema
    .createIndex('help_requests_escalation_idx')
    .on('help_requests')
    .columns(['created_at', 'id'])
    .where(sql<boolean>`status = 'open' and response_count = 0 and escalated_at is null`)
    .execute();

  await db.schema
    .createTable('help_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('help_responses_request_idx')
    .on('help_responses')
    .columns(['request_id', 'id'])
    .execute();
  await db.schema
    .createIndex('help_responses_author_idx')
    .on('help_responses')
    .columns(['author_id', 'request_id'])
    .execute();

  await db.schema
    .createTable('help_offers')
    .addColumn('request_id', 'text', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('helper_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('help_offers_pk', ['request_id', 'helper_id'])
    .execute();
  await db.schema.createIndex('help_offers_helper_idx').on('help_offers').columns(['helper_id']).execute();

  // Helpers thanked when the request was resolved (responders or those who offered).
  await db.schema
    .createTable('help_thanks')
    .addColumn('request_id', 'text', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('help_thanks_pk', ['request_id', 'user_id'])
    .execute();

  // Who got (or may get) an e-mail about a request: at most one per person and request.
  await db.schema
    .createTable('help_notified')
    .addColumn('request_id', 'text', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('help_notified_pk', ['request_id', 'user_id'])
    .execute();

  // Uploads attached to a request or a response (as posts link theirs).
  await db.schema
    .alterTable('attachments')
    .addColumn('help_request_id', 'text', (c) => c.references('help_requests.id').onDelete('cascade'))
    .execute();
  await db.schema
    .alterTable('attachments')
    .addColumn('help_response_id', 'text', (c) => c.references('help_responses.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('attachments_help_request_idx')
    .on('attachments')
    .columns(['help_request_id'])
    .execute();
  await db.schema
    .createIndex('attachments_help_response_idx')
    .on('attachments')
    .columns(['help_response_id'])
    .execute();

  // Notifications about a request lead to it.
  await db.schema.alterTable('notifications').addColumn('help_request_id', 'text').execute();

  // The network's setting: unanswered for this many hours, a request escalates.
  await db.schema
    .alterTable('networks')
    .addColumn('help_escalation_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .execute();

  // A member on leave until this day (inclusive) is not suggested as a helper or buddy.
  await db.schema.alterTable('memberships').addColumn('leave_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('leave_until').execute();
  await db.schema.alterTable('networks').dropColumn('help_escalation_hours').execute();
  await db.schema.alterTable('notifications').dropColumn('help_request_id').execute();
  await db.schema.dropIndex('attachments_help_response_idx').execute();
  await db.schema.dropIndex('attachments_help_request_idx').execute();
  await db.schema.alterTable('attachments').dropColumn('help_response_id').execute();
  await db.schema.alterTable('attachments').dropColumn('help_request_id').execute();
  await db.schema.dropTable('help_notified').execute();
  await db.schema.dropTable('help_thanks').execute();
  await db.schema.dropTable('help_offers').execute();
  await db.schema.dropTable('help_responses').execute();
  await db.schema.dropTable('help_requests').execute();
}
