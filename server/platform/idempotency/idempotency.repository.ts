import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { IdempotencyKeyRow } from './idempotency.table.ts';

type Db = Kysely<DB>;

/** Claims a key for a request being handled; false when the user already used the key. */
export async function claimKey(
  db: Db,
  row: Pick<IdempotencyKeyRow, 'userId' | 'key' | 'scope' | 'fingerprint' | 'createdAt'>,
): Promise<boolean> {
  const result = await db
    .insertInto('idempotencyKeys')
    .values({ ...row, statusCode: null, responseBody: null })
    .onConflict((oc) => oc.columns(['userId', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findKey(db: Db, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom('idempotencyKeys')
    .selectAll()
    .where('userId', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Takes over a claim left unanswered since `claimedAt` (only one of several callers succeeds). */
export async function reclaimKey(
  db: Db,
  userId: string,
  key: string,
  claimedAt: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('idempotencyKeys')
    .set({ createdAt: now })
    .where('userId', '=', userId)
    .where('key', '=', key)
    .where('statusCode', 'is', null)
    .where('createdAt', '=', claimedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Stores the answer of the request that claimed the key at `claimedAt`; false when the claim is no
 * longer its own (answered, given back, or taken over as stale by a retry).
 */
export async function storeAnswer(
  db: Db,
  claim: { userId: string; key: string; claimedAt: string },
  answer: { statusCode: number; responseBody: string },
): Promise<boolean> {
  const result = await db
    .updateTable('idempotencyKeys')
    .set(answer)
    .where('userId', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('statusCode', 'is', null)
    .where('createdAt', '=', claim.claimedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Gives a key back after its request failed, so that the client may try again with it: only an
 * unanswered claim made at `claimedAt` (not one a retry took over meanwhile).
 */
export async function releaseKey(
  db: Db,
  claim: { userId: string; key: string; claimedAt: string },
): Promise<void> {
  await db
    .deleteFrom('idempotencyKeys')
    .where('userId', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('statusCode', 'is', null)
    .where('createdAt', '=', claim.claimedAt)
    .execute();
}

/** Removes the user's keys created before `before` (and, when `everyone`, everybody's). */
export async function deleteExpiredKeys(db: Db, before: string, userId: string | null): Promise<void> {
  let query = db.deleteFrom('idempotencyKeys').where('createdAt', '<', before);
  if (userId !== null) query = query.where('userId', '=', userId);
  await query.execute();
}
