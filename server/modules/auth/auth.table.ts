import type { Selectable } from 'kysely';

/** What a single-use token opens; `second_factor` is the pending sign-in between password and code. */
export type TokenPurpose = 'verify_email' | 'password_reset' | 'second_factor';

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
