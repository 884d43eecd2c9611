import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Runs `read` on PostgreSQL with bitmap scans turned off for its statements (SQLite: as it is).
 *
 * For "a user's newest 100 of their unread rows" PostgreSQL may choose a bitmap scan, which collects
 * every matching row of the index and sorts them before the limit applies, instead of walking the
 * index backwards and stopping at 100. It does whenever its statistics say a user has few such rows:
 * they lag behind a table that grows (a 30-minute soak: an estimate of 68 rows a user where there
 * were 3,770, a 7 ms count per recipient, 48 recipients per reply). Planned without bitmap scans the
 * walk is chosen whatever the statistics say. Only for statements that read through one index in
 * its order (not search, whose GIN index is read by bitmap scans only).
 */
export async function withoutBitmapScans<R>(
  db: Kysely<DB>,
  read: (db: Kysely<DB>) => Promise<R>,
): Promise<R> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return read(db);
  if (db.isTransaction) {
    await sql`set local enable_bitmapscan = off`.execute(db);
    try {
      return await read(db);
    } finally {
      await sql`set local enable_bitmapscan = on`.execute(db);
    }
  }
  return db.transaction().execute(async (tx) => {
    await sql`set local enable_bitmapscan = off`.execute(tx);
    return read(tx);
  });
}

/**
 * How many rows `rows` yields, counted up to `limit`: `(SELECT count(*) FROM (rows LIMIT n))`, so the
 * count stops reading at the limit. Order `rows` by an index and run the statement through
 * `withoutBitmapScans`, or PostgreSQL may collect every row before the limit applies. A number on
 * SQLite, a string on PostgreSQL (a bigint).
 */
export function countUpTo(
  rows: { limit(limit: number): Expression<unknown> },
  limit: number,
): RawBuilder<number | string> {
  return sql<number | string>`(SELECT count(*) FROM (${rows.limit(limit)}) AS counted)`;
}
