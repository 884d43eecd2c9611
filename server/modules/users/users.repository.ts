import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AccountDeletionRow, NewUserRow, UserRow, UserUpdate } from './users.table.ts';

/** Finds a user by (lower-cased) e-mail address. */
export function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a user; returns false when the e-mail address is taken (unique index, race-safe). */
export async function insertUser(db: Kysely<DB>, user: NewUserRow): Promise<boolean> {
  const result = await db
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Updates some columns of a user and returns the new row. */
export function updateUser(db: Kysely<DB>, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Counts users (an empty platform needs its first admin). */
export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The pending deletion of an account, if any. */
export function findDeletion(db: Kysely<DB>, userId: string): Promise<AccountDeletionRow | undefined> {
  return db.selectFrom('accountDeletions').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** Records a deletion (a repeated request keeps the first one's dates). */
export async function insertDeletion(db: Kysely<DB>, row: AccountDeletionRow): Promise<void> {
  await db
    .insertInto('accountDeletions')
    .values(row)
    .onConflict((oc) => oc.column('userId').doNothing())
    .execute();
}

/** Cancels a pending deletion; true when there was one. */
export async function deleteDeletion(db: Kysely<DB>, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('accountDeletions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
