import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Buddy pairings: a beginner mentor with an experienced one, from the request or proposal to its
 * end. Rows are never deleted (declined, withdrawn and ended ones are the history).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('buddy_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('beginner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Null while a beginner's request waits for someone to be named.
    .addColumn('mentor_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('proposed_at', ts)
    .addColumn('activated_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('close_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id').onDelete('set null'))
    // When the last check-in reminder went out (the next one waits as long again).
    .addColumn('last_reminder_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One open pairing (request, proposal or active pair) per beginner and network, even under races.
  await db.schema
    .createIndex('buddy_pairs_one_open_idx')
    .on('buddy_pairs')
    .columns(['network_id', 'beginner_id'])
    .unique()
    .where(sql<boolean>`status in ('requested', 'proposed', 'active')`)
    .execute();
  await db.schema
    .createIndex('buddy_pairs_network_idx')
    .on('buddy_pairs')
    .columns(['network_id', 'id'])
    .execute();
  await db.schema
    .createIndex('buddy_pairs_mentor_idx')
    .on('buddy_pairs')
    .columns(['mentor_id', 'status'])
    .execute();
  await db.schema
    .createIndex('buddy_pairs_beginner_idx')
    .on('buddy_pairs')
    .columns(['beginner_id', 'status'])
    .execute();
  // The daily check-in looks at active pairs only.
  await db.schema.createIndex('buddy_pairs_status_idx').on('buddy_pairs').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('buddy_pairs').execute();
}
