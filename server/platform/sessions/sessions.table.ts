import type { Selectable } from 'kysely';
import type { SignInMethod } from '../../../common/auth.ts';

export interface SessionsTable {
  id: string;
  tokenHash: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Password alone, password and a TOTP code, a recovery code, or a passkey. */
  signInMethod: SignInMethod;
}
export type SessionRow = Selectable<SessionsTable>;
