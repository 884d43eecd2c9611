/** Accounts: who exists on the platform (sign-in and sessions live in auth and platform/sessions). */
export { presentMe } from './users.presenter.ts';
export {
  cancelAccountDeletion,
  countUsers,
  createUser,
  findAccountDeletion,
  findUserByEmail,
  findUserById,
  platformActor,
  scheduleAccountDeletion,
  updateUser,
} from './users.service.ts';
export type { AccountDeletionRow, NewUserRow, UserRow, UserUpdate } from './users.table.ts';
