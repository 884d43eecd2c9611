import type { OrganisationActor } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import * as repository from './users.repository.ts';
import type { AccountDeletionRow, NewUserRow, UserRow, UserUpdate } from './users.table.ts';

/** Finds an account by e-mail address (case does not matter). */
export function findUserByEmail(ctx: AppContext, email: string): Promise<UserRow | undefined> {
  return repository.findUserByEmail(ctx.database.db, email);
}

/** Finds an account by id. */
export function findUserById(ctx: AppContext, id: string): Promise<UserRow | undefined> {
  return repository.findUserById(ctx.database.db, id);
}

/** Creates an account; false when the e-mail address is taken (race-safe). */
export function createUser(ctx: AppContext, user: NewUserRow): Promise<boolean> {
  return repository.insertUser(ctx.database.db, user);
}

/** Changes some fields of an account and returns it. */
export function updateUser(ctx: AppContext, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return repository.updateUser(ctx.database.db, id, changes);
}

/** How many accounts there are (an empty platform needs its first admin). */
export function countUsers(ctx: AppContext): Promise<number> {
  return repository.countUsers(ctx.database.db);
}

/** Who is asking, as the platform-level rules see them (common/permissions.ts). */
export function platformActor(user: UserRow | null, orgAdmin = false): OrganisationActor {
  return { signedIn: user !== null, platformAdmin: user?.isPlatformAdmin === 1, orgAdmin };
}

/** The pending deletion of an account, if the person asked for one. */
export function findAccountDeletion(
  ctx: { database: AppContext['database'] },
  userId: string,
): Promise<AccountDeletionRow | undefined> {
  return repository.findDeletion(ctx.database.db, userId);
}

/** Records that the person asked to delete their account (a repeated request keeps the first). */
export function scheduleAccountDeletion(ctx: AppContext, row: AccountDeletionRow): Promise<void> {
  return repository.insertDeletion(ctx.database.db, row);
}

/** Cancels a pending deletion (the person signed in again); true when there was one. */
export function cancelAccountDeletion(
  ctx: { database: AppContext['database'] },
  userId: string,
): Promise<boolean> {
  return repository.deleteDeletion(ctx.database.db, userId);
}
