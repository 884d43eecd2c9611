import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Web Push (C7): the instance's own keys (the VAPID key pair, made at first start and shared by
 * every instance on the database), each person's push subscriptions (one per device and browser),
 * and their push settings: which kinds to push and their quiet hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('instance_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The push service's address for this browser: one subscription belongs to one person.
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_pushed_at', ts)
    .execute();
  await db.schema
    .createIndex('push_subscriptions_user_idx')
    .on('push_subscriptions')
    .columns(['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('push_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // JSON array of the push kinds chosen (message, mention, announcement, help, events).
    .addColumn('kinds', 'text', (c) => c.notNull())
    // 'HH:MM' in the person's time zone; both null: no quiet hours.
    .addColumn('quiet_from', 'text')
    .addColumn('quiet_until', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('push_settings').execute();
  await db.schema.dropTable('push_subscriptions').execute();
  await db.schema.dropTable('instance_keys').execute();
}
