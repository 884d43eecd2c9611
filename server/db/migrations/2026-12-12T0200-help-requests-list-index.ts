import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The help-request list reads a page of a network's requests by latest activity. With the index on
 * (network_id, last_activity_at, id) alone, each of the page's rows was then read from the table,
 * whose rows carry the bodies and the pool of helpers (~2 KB each at the large scale): a page
 * (4 KB) per request. This index holds every column the list shows, so a page is read from the
 * index alone (on PostgreSQL as INCLUDE columns: an index-only scan where the table's pages are
 * all-visible). It starts with the same key, so it replaces the old index. Titles (160 characters),
 * expertise areas and languages are bounded, so an entry stays far below PostgreSQL's limit.
 */
const KEY = ['network_id', 'last_activity_at', 'id'];
const SHOWN = [
  'requester_id',
  'kind',
  'status',
  'title',
  'expertise',
  'languages',
  'urgency',
  'deadline',
  'response_count',
  'offer_count',
  'created_at',
  'first_response_at',
  'resolved_at',
  'escalated_at',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index help_requests_list_idx on help_requests (${sql.join(KEY.map((c) => sql.ref(c)))}) include (${sql.join(SHOWN.map((c) => sql.ref(c)))})`.execute(
      db,
    );
  } else {
    await db.schema
      .createIndex('help_requests_list_idx')
      .on('help_requests')
      .columns([...KEY, ...SHOWN])
      .execute();
  }
  await db.schema.dropIndex('help_requests_activity_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('help_requests_activity_idx').on('help_requests').columns(KEY).execute();
  await db.schema.dropIndex('help_requests_list_idx').execute();
}
