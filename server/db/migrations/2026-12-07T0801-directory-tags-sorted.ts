import { type Kysely, sql } from 'kysely';

/**
 * Each directory tag carries its entry's sort key, and tags are indexed by (tag, sort key, entry):
 * a filtered page walks the first tag's entries already in name order and stops after one page,
 * instead of collecting and sorting every entry that has the tag.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('directory_tags')
    .addColumn('sort_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update directory_tags set sort_name = (select e.sort_name from directory_entries e where e.id = directory_tags.entry_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('directory_tags_sorted_idx')
    .on('directory_tags')
    .columns(['tag', 'sort_name', 'entry_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('directory_tags_sorted_idx').execute();
  await db.schema.alterTable('directory_tags').dropColumn('sort_name').execute();
}
