import type { Kysely } from 'kysely';

/**
 * The topic list of a space filters by network and space. With an index of the space alone,
 * PostgreSQL's generic plan for the named statement (which cannot know how busy a space is) read
 * both the space's and the network's index, joined every topic of the space and sorted them
 * (295 ms for a space of 8,974 topics), so the statement had to be planned again at every request.
 * An index of (space, network, pinned, activity, id) gives the page in order whatever the values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('topics_space_network_activity_idx')
    .on('topics')
    .columns(['space_id', 'network_id', 'pinned', 'last_activity_at', 'id'])
    .execute();
  await db.schema.dropIndex('topics_space_activity_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('topics_space_activity_idx')
    .on('topics')
    .columns(['space_id', 'pinned', 'last_activity_at', 'id'])
    .execute();
  await db.schema.dropIndex('topics_space_network_activity_idx').execute();
}
