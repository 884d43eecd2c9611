import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Direct and group conversations, their participants with read marks, and messages. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    // "<smaller user id>:<larger user id>" for direct conversations: one per pair, even under races.
    .addColumn('direct_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('last_activity_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('conversation_participants')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // People added later see messages from their arrival on (ids are time-ordered).
    .addColumn('history_from', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_read_message_id', 'text')
    .addColumn('joined_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_participants_pk', ['conversation_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('conversation_participants_user_idx')
    .on('conversation_participants')
    .columns(['user_id', 'conversation_id'])
    .execute();
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('edited_at', ts)
    .addColumn('deleted_at', ts)
    .addUniqueConstraint('messages_sender_client_uq', ['sender_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema.createIndex('messages_revision_idx').on('messages').columns(['revision']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('conversation_participants').execute();
  await db.schema.dropTable('conversations').execute();
}
