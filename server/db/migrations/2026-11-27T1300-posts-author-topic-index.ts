import { type Kysely, sql } from 'kysely';

/**
 * The live posts of one author in one topic, as an index only. A topic list counts a reader's
 * unread posts in topics they never opened as the topic's live posts (from its reply count) minus
 * their own; this index answers "their own" without reading the topic's posts. Partial (live posts
 * only): deleted posts never count, and the index stays small.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('posts_author_topic_live_idx')
    .on('posts')
    .columns(['author_id', 'topic_id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('posts_author_topic_live_idx').execute();
}
