import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UserRecoveryCodeRow, UserTotpRow } from './two-factor.table.ts';

/** The account's TOTP row (confirmed or waiting for its first code). */
export function findTotp(db: Kysely<DB>, userId: string): Promise<UserTotpRow | undefined> {
  return db.selectFrom('userTotp').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Stores a new, unconfirmed secret, replacing an unconfirmed one; false when TOTP is already on. */
export async function putPendingTotp(db: Kysely<DB>, row: UserTotpRow): Promise<boolean> {
  await db.deleteFrom('userTotp').where('userId', '=', row.userId).where('confirmedAt', 'is', null).execute();
  const inserted = await db
    .insertInto('userTotp')
    .values(row)
    .onConflict((oc) => oc.column('userId').doNothing())
    .returning('userId')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Marks the secret confirmed with the step of its first code; false when it was already confirmed. */
export async function confirmTotp(
  db: Kysely<DB>,
  userId: string,
  step: number,
  confirmedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('userTotp')
    .set({ confirmedAt, lastUsedStep: step })
    .where('userId', '=', userId)
    .where('confirmedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a code's step as used, only if it is newer than the last one (no code works twice). */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('userTotp')
    .set({ lastUsedStep: step })
    .where('userId', '=', userId)
    .where('confirmedAt', 'is not', null)
    .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the account's TOTP secret and recovery codes. */
export async function deleteSecondFactors(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
  await db.deleteFrom('userTotp').where('userId', '=', userId).execute();
}

/** Replaces the account's recovery codes with new ones (hashes). */
export async function replaceRecoveryCodes(db: Kysely<DB>, userId: string, rows: UserRecoveryCodeRow[]) {
  await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
  await db.insertInto('userRecoveryCodes').values(rows).execute();
}

/** Uses one unused recovery code of the account; false when there is none with that hash. */
export async function spendRecoveryCode(
  db: Kysely<DB>,
  userId: string,
  codeHash: string,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('userRecoveryCodes')
    .set({ usedAt })
    .where('userId', '=', userId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many unused recovery codes the account has left. */
export async function countRecoveryCodesLeft(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('userRecoveryCodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
