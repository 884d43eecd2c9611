import { type Kysely, sql } from 'kysely';

/**
 * Two lookups of a write's fan-out that read every unread notification of each recipient, a cost
 * that grew with what recipients left unread (a 30-minute soak on PostgreSQL: ~9,000 each by the
 * end, and replies slowed to seconds):
 *
 * - each new message looks up its recipients' pending notification of the conversation to group
 *   into: now by (conversation, user), over rows about a conversation only;
 * - each notification sends its recipient their unread count, counted up to 100: now the newest
 *   unread ones by (user, id) in an index of unread rows only, read backwards and stopped at 100.
 *   The (user, read) index it replaces let PostgreSQL choose a bitmap scan, which reads every entry
 *   of the user before the limit applies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('notifications_conversation_idx')
    .on('notifications')
    .columns(['conversation_id', 'user_id'])
    .where(sql<boolean>`conversation_id is not null`)
    .execute();
  await db.schema
    .createIndex('notifications_unread_newest_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .where(sql<boolean>`read_at is null`)
    .execute();
  await db.schema.dropIndex('notifications_unread_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
  await db.schema.dropIndex('notifications_unread_newest_idx').execute();
  await db.schema.dropIndex('notifications_conversation_idx').execute();
}
