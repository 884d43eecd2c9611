import type { Selectable } from 'kysely';

export interface SessionsTable {
  id: string;
  tokenHash: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}
export type SessionRow = Selectable<SessionsTable>;

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

export interface RateLimitsTable {
  key: string;
  windowStart: number;
  hits: number;
}
