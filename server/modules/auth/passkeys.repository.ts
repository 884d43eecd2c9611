import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ChallengePurpose, PasskeyRow, PasskeysTable, WebauthnChallengeRow } from './passkeys.table.ts';

/** The account's passkeys, oldest first. */
export function listPasskeys(db: Kysely<DB>, userId: string): Promise<PasskeyRow[]> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** One passkey of the account, by our id. */
export function findUserPasskey(db: Kysely<DB>, userId: string, id: string): Promise<PasskeyRow | undefined> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A passkey by the credential id the authenticator answered with. */
export function findPasskeyByCredential(
  db: Kysely<DB>,
  credentialId: string,
): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('credentialId', '=', credentialId).executeTakeFirst();
}

/** Whether the account has at least one passkey. */
export async function hasPasskey(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('passkeys').select('id').where('userId', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Stores a new passkey; false when the credential is already registered (to anyone). */
export async function insertPasskey(db: Kysely<DB>, row: Insertable<PasskeysTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('passkeys')
    .values(row)
    .onConflict((oc) => oc.column('credentialId').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Records a use: the new counter (only forward) and when. False when another use got there first. */
export async function recordPasskeyUse(
  db: Kysely<DB>,
  id: string,
  previousCounter: number,
  counter: number,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ counter, lastUsedAt: usedAt })
    .where('id', '=', id)
    .where('counter', '=', previousCounter)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Renames one of the account's passkeys; false when it has none with that id. */
export async function renamePasskey(
  db: Kysely<DB>,
  userId: string,
  id: string,
  name: string,
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ name })
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes one of the account's passkeys; false when it has none with that id. */
export async function deletePasskey(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Stores a challenge handed out with ceremony options; expired ones are swept on the way. */
export async function insertChallenge(db: Kysely<DB>, row: WebauthnChallengeRow): Promise<void> {
  await db.deleteFrom('webauthnChallenges').where('expiresAt', '<=', row.createdAt).execute();
  await db.insertInto('webauthnChallenges').values(row).execute();
}

/**
 * Takes a challenge out (each is used once, even by two instances at the same time): the row, if
 * it was handed out for this purpose (and account) and has not expired.
 */
export async function takeChallenge(
  db: Kysely<DB>,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now: string,
): Promise<WebauthnChallengeRow | undefined> {
  let query = db
    .deleteFrom('webauthnChallenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('expiresAt', '>', now);
  query = userId === null ? query.where('userId', 'is', null) : query.where('userId', '=', userId);
  return query.returningAll().executeTakeFirst();
}
