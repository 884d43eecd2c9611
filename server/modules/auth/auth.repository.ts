import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TokenPurpose, UserTokenRow } from './auth.table.ts';

/** Stores a single-use token (hash only). */
export async function insertUserToken(db: Kysely<DB>, token: UserTokenRow): Promise<void> {
  await db.insertInto('userTokens').values(token).execute();
}

/** Finds a token by hash and purpose. */
export function findUserToken(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<UserTokenRow | undefined> {
  return db
    .selectFrom('userTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Marks a token used, only if it was still unused; returns false when someone was faster. */
export async function markUserTokenUsed(db: Kysely<DB>, id: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('userTokens')
    .set({ usedAt })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Invalidates a user's open tokens of one purpose (a new reset link replaces the old one). */
export async function expireUserTokens(
  db: Kysely<DB>,
  userId: string,
  purpose: TokenPurpose,
  now: string,
): Promise<void> {
  await db
    .updateTable('userTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}
