import { type Kysely, sql } from 'kysely';

/**
 * Unread counts without counting posts at read time. A topic's live posts are known from its row
 * (reply count, plus the opening post while the topic is live); each reader's row in topic_reads now
 * keeps `seen_count`: the topic's live posts that are theirs or at or before their marker. Unread is
 * the difference. A reader who wrote in a topic without ever marking it read gets a row without a
 * marker (last_read_post_id '', before every id). The backfill gives every author such a row and
 * works out every row's count from the posts as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('topic_reads')
    .addColumn('seen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await recount(db);
}

/** The backfill (the discussions module keeps the same as `recountTopicReads`). */
async function recount(db: Kysely<unknown>): Promise<void> {
  await sql`insert into topic_reads (topic_id, user_id, last_read_post_id, read_at, seen_count)
    select p.topic_id, p.author_id, '', max(p.created_at), 0 from posts as p
    where p.author_id is not null and p.deleted_at is null
      and not exists (select 1 from topic_reads as r where r.topic_id = p.topic_id and r.user_id = p.author_id)
    group by p.topic_id, p.author_id`.execute(db);
  await sql`update topic_reads set seen_count = (select count(*) from posts as p
    where p.topic_id = topic_reads.topic_id and p.deleted_at is null
      and (p.id <= topic_reads.last_read_post_id or p.author_id = topic_reads.user_id))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from topic_reads where last_read_post_id = ''`.execute(db);
  await db.schema.alterTable('topic_reads').dropColumn('seen_count').execute();
}
