import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The public directory (E3): one row per entry — directory-only entries curated by platform admins,
 * and mirrors of the organisations that chose to be listed and of the public networks — with
 * the filter values (services, languages, country, city/region key) as one tag per row of
 * directory_tags, so a service + language filter is an intersection of two index ranges. Text is
 * matched on a folded copy of the entry's words. Claims: an organisation on the platform asking
 * for a curated entry to be linked to it, decided by a platform admin.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .alterTable('organisations')
    .addColumn('listed_in_directory', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('directory_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON arrays of service codes and ISO 639-1 codes.
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('opening_hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_checked_on', 'text')
    // The linked organisation: the listed one itself, or the one whose claim was approved.
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('network_id', 'text', (c) => c.references('networks.id').onDelete('cascade'))
    // Lower case without accents: the sort key, and every word text search looks at.
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_entries_sort_idx')
    .on('directory_entries')
    .columns(['sort_name', 'id'])
    .execute();
  await db.schema
    .createIndex('directory_entries_source_idx')
    .on('directory_entries')
    .columns(['source', 'id'])
    .execute();
  await db.schema
    .createTable('directory_tags')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('directory_entries.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('directory_tags_pk', ['tag', 'entry_id'])
    .execute();
  await db.schema.createIndex('directory_tags_entry_idx').on('directory_tags').column('entry_id').execute();
  await db.schema
    .createTable('directory_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('directory_entries.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_claims_status_idx')
    .on('directory_claims')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directory_claims').execute();
  await db.schema.dropTable('directory_tags').execute();
  await db.schema.dropTable('directory_entries').execute();
  await db.schema.alterTable('organisations').dropColumn('listed_in_directory').execute();
}
