import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  emailVerifiedAt: string | null;
  passwordHash: string;
  displayName: string;
  locale: string;
  isPlatformAdmin: number;
  suspendedAt: string | null;
  /** When the account was erased (GDPR Art. 17): the row stays, without anything personal. */
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

/**
 * An account the person asked to delete: deactivated at once (sessions ended, signing in cancels
 * the deletion), erased once `eraseAfter` has passed.
 */
export interface AccountDeletionsTable {
  userId: string;
  requestedAt: string;
  eraseAfter: string;
  /** 1: the person asked for their posts' text to go too. */
  removePostText: number;
}
export type AccountDeletionRow = Selectable<AccountDeletionsTable>;
