import type { Database } from './database.ts';

/**
 * Runs `fn` in one database transaction and returns its result: `fn` gets the same context with the
 * transaction as its database, so every service it calls writes inside it. Called inside a
 * transaction, it joins that one. The only way to run work in a transaction: never build such a
 * context by hand. Realtime events and mails belong after it, once the work is committed.
 */
export async function withTransaction<C extends { database: Database }, T>(
  ctx: C,
  fn: (tx: C) => Promise<T>,
): Promise<T> {
  const { db } = ctx.database;
  if (db.isTransaction) return fn(ctx);
  return db.transaction().execute((trx) => fn({ ...ctx, database: { ...ctx.database, db: trx } }));
}
