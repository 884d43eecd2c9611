import type { Kysely } from 'kysely';

/** Notifications about events (reminders, changes, cancellations, a place from the waiting list). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('event_id').execute();
}
