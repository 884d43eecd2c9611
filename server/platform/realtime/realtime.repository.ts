import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RealtimeOutboxTable } from './realtime.table.ts';

/** Parks an event that is too large for a notification. */
export async function insertOutboxEvent(db: Kysely<DB>, row: RealtimeOutboxTable): Promise<void> {
  await db.insertInto('realtimeOutbox').values(row).execute();
}

/** Loads a parked event. */
export function findOutboxEvent(db: Kysely<DB>, id: string) {
  return db.selectFrom('realtimeOutbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Drops parked events older than the given time (every instance has long loaded them). */
export async function deleteOutboxEventsBefore(db: Kysely<DB>, before: string): Promise<void> {
  await db.deleteFrom('realtimeOutbox').where('createdAt', '<', before).execute();
}
