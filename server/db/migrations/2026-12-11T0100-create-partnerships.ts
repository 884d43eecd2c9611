import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Partner networks (E2): an organisation's request to join a network, partnerships between two
 * networks (requested by one, accepted or declined by the other, ended by either), and the flag
 * that shares an announcement, event or resource with the partners of its network.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('network_partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decided_at', ts)
    .addColumn('ended_at', ts)
    .execute();
  await db.schema
    .createIndex('network_partnerships_network_idx')
    .on('network_partnerships')
    .columns(['network_id', 'status'])
    .execute();
  await db.schema
    .createIndex('network_partnerships_partner_idx')
    .on('network_partnerships')
    .columns(['partner_id', 'status'])
    .execute();

  await db.schema
    .createTable('network_join_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('decided_at', ts)
    .execute();
  await db.schema
    .createIndex('network_join_requests_network_idx')
    .on('network_join_requests')
    .columns(['network_id', 'status'])
    .execute();
  await db.schema
    .createIndex('network_join_requests_organisation_idx')
    .on('network_join_requests')
    .columns(['organisation_id', 'status'])
    .execute();

  for (const table of ['announcements', 'events', 'resources']) {
    await db.schema
      .alterTable(table)
      .addColumn('share_with_partners', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['announcements', 'events', 'resources'])
    await db.schema.alterTable(table).dropColumn('share_with_partners').execute();
  await db.schema.dropTable('network_join_requests').execute();
  await db.schema.dropTable('network_partnerships').execute();
}
