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
  createdAt: string;
  updatedAt: string;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
