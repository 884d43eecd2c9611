import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('network_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', ts, (c) => c.notNull())
    .addUniqueConstraint('network_documents_version_uq', ['network_id', 'kind', 'version'])
    .execute();
  await db.schema
    .createTable('document_acceptances')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('network_documents.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('accepted_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('document_acceptances_pk', ['document_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_acceptances_network_user_idx')
    .on('document_acceptances')
    .columns(['network_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_acceptances').execute();
  await db.schema.dropTable('network_documents').execute();
}
