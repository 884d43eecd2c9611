import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Reports and moderation (F4): members' reports of posts, topics, messages, profiles and resources
 * with the moderator's decision; content a moderator hid (posts, topics, resources); a member's
 * suspension from one network until a time; and the people each user blocked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // The network the item belongs to (null for messages and profiles: platform admins review those).
    .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts)
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  // The queue: open reports of a network (or all), newest first by the time-ordered id.
  await db.schema
    .createIndex('reports_status_idx')
    .on('reports')
    .columns(['status', 'network_id', 'id'])
    .execute();
  // One open report per reporter and item.
  await db.schema
    .createIndex('reports_open_unique')
    .unique()
    .on('reports')
    .columns(['reporter_id', 'kind', 'item_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();

  await db.schema
    .createTable('user_blocks')
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_blocks_pk', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema.createIndex('user_blocks_blocked_idx').on('user_blocks').column('blocked_id').execute();

  await db.schema.alterTable('memberships').addColumn('suspended_until', ts).execute();
  for (const table of ['posts', 'topics', 'resources']) {
    await db.schema.alterTable(table).addColumn('hidden_at', ts).execute();
    await db.schema
      .alterTable(table)
      .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['posts', 'topics', 'resources']) {
    await db.schema.alterTable(table).dropColumn('hidden_by').execute();
    await db.schema.alterTable(table).dropColumn('hidden_at').execute();
  }
  await db.schema.alterTable('memberships').dropColumn('suspended_until').execute();
  await db.schema.dropTable('user_blocks').execute();
  await db.schema.dropTable('reports').execute();
}
