import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('experience_level', 'text')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('avatar_key', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('network'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One row per language / expertise area, so directory filters are index-backed on both dialects.
  await db.schema
    .createTable('profile_languages')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_languages_pk', ['user_id', 'language'])
    .execute();
  await db.schema
    .createIndex('profile_languages_language_idx')
    .on('profile_languages')
    .columns(['language', 'user_id'])
    .execute();
  await db.schema
    .createTable('profile_expertise')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_expertise_pk', ['user_id', 'area'])
    .execute();
  await db.schema
    .createIndex('profile_expertise_area_idx')
    .on('profile_expertise')
    .columns(['area', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('profile_expertise').execute();
  await db.schema.dropTable('profile_languages').execute();
  await db.schema.dropTable('profiles').execute();
}
