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
