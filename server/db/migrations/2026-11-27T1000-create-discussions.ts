import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Discussions: spaces per network, topics, posts (opening post and replies), reactions, read markers, attachments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('key', 'text')
    .addColumn('name', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', ts)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('spaces_network_key_uq', ['network_id', 'key'])
    .execute();
  await db.schema
    .createIndex('spaces_network_idx')
    .on('spaces')
    .columns(['network_id', 'position'])
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', ts)
    .addColumn('deleted_at', ts)
    .addColumn('deleted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('topics_network_activity_idx')
    .on('topics')
    .columns(['network_id', 'pinned', 'last_activity_at', 'id'])
    .execute();
  await db.schema
    .createIndex('topics_space_activity_idx')
    .on('topics')
    .columns(['space_id', 'pinned', 'last_activity_at', 'id'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('is_opening', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body_source', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('edited_at', ts)
    .addColumn('deleted_at', ts)
    .addColumn('deleted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_topic_idx').on('posts').columns(['topic_id', 'id']).execute();

  await db.schema
    .createTable('post_reactions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('post_reactions_pk', ['post_id', 'user_id', 'reaction'])
    .execute();

  await db.schema
    .createTable('topic_reads')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('last_read_post_id', 'text', (c) => c.notNull())
    .addColumn('read_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_reads_pk', ['topic_id', 'user_id'])
    .execute();
  await db.schema.createIndex('topic_reads_user_idx').on('topic_reads').columns(['user_id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('uploader_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_post_idx').on('attachments').columns(['post_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.dropTable('topic_reads').execute();
  await db.schema.dropTable('post_reactions').execute();
  await db.schema.dropTable('posts').execute();
  await db.schema.dropTable('topics').execute();
  await db.schema.dropTable('spaces').execute();
}
