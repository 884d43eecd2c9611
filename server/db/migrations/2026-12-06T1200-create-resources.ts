import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Shared resources (C5): a network's wiki pages, links and files, each edit kept as a revision
 * (author, time, summary, the full text), an ordered "start here" position per resource, and the
 * network's setting that keeps editing to its staff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('attachment_id', 'text', (c) => c.references('attachments.id').onDelete('set null'))
    // JSON arrays: tags (lower case) and expertise area codes.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('region', 'text')
    // The current revision's number (1 for a new resource).
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('start_here', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Lists: a network's resources by latest change (keyset), optionally of one kind.
  await db.schema
    .createIndex('resources_updated_idx')
    .on('resources')
    .columns(['network_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('resources_kind_idx')
    .on('resources')
    .columns(['network_id', 'kind', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('resources_start_here_idx')
    .on('resources')
    .columns(['network_id', 'start_here'])
    .where(sql<boolean>`start_here is not null`)
    .execute();
  // One upload is the file of at most one resource.
  await db.schema
    .createIndex('resources_attachment_idx')
    .on('resources')
    .column('attachment_id')
    .unique()
    .where(sql<boolean>`attachment_id is not null`)
    .execute();

  await db.schema
    .createTable('resource_revisions')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reverted_from', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_revisions_pk', ['resource_id', 'revision'])
    .execute();

  await db.schema
    .alterTable('networks')
    .addColumn('resources_staff_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('networks').dropColumn('resources_staff_only').execute();
  await db.schema.dropTable('resource_revisions').execute();
  await db.schema.dropTable('resources').execute();
}
