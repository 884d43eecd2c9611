import type { Selectable } from 'kysely';

export type TokenPurpose = 'verify_email' | 'password_reset';

export interface UserTokensTable {
  id: string;
  userId: string;
  purpose: TokenPurpose;
  tokenHash: string;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}
export type UserTokenRow = Selectable<UserTokensTable>;
