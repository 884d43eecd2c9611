import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Role progression and succession (B5) and nudges (D2): the meta-mentor's decisions on progression
 * suggestions (remembered so a dismissed one does not come back), the network's named deputy, and
 * the log of nudges sent (which staff read and which keeps re-engagement to once per 30 days).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('progression_decisions')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('progression_decisions_pk', ['network_id', 'user_id', 'step'])
    .execute();
  await db.schema
    .createTable('network_deputies')
    .addColumn('network_id', 'text', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('named_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('named_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('nudge_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sent_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nudge_log_network_idx')
    .on('nudge_log')
    .columns(['network_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('nudge_log_user_idx')
    .on('nudge_log')
    .columns(['user_id', 'kind', 'sent_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('nudge_log').execute();
  await db.schema.dropTable('network_deputies').execute();
  await db.schema.dropTable('progression_decisions').execute();
}
