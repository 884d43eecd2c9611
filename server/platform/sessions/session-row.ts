import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SessionRow } from './sessions.table.ts';

/** The account a session belongs to (a row of the users table). */
export type SessionUser = Selectable<DB['users']>;

/**
 * A session and its user as the columns of one row (`s` the session, `u` its user): the session
 * lookup selects them, and so does any statement that answers more in the same row (a network
 * route's standing, see the networks module), so that a request needs one statement for both.
 */
export const SESSION_COLUMNS = [
  'u.id',
  'u.email',
  'u.emailVerifiedAt',
  'u.passwordHash',
  'u.displayName',
  'u.locale',
  'u.isPlatformAdmin',
  'u.suspendedAt',
  'u.erasedAt',
  'u.createdAt',
  'u.updatedAt',
  's.id as sessionId',
  's.tokenHash as sessionTokenHash',
  's.userAgent as sessionUserAgent',
  's.ip as sessionIp',
  's.createdAt as sessionCreatedAt',
  's.lastSeenAt as sessionLastSeenAt',
  's.expiresAt as sessionExpiresAt',
  's.signInMethod as sessionSignInMethod',
] as const;

/** A row with the session columns, as SESSION_COLUMNS selects them. */
export interface SessionColumns extends SessionUser {
  sessionId: string;
  sessionTokenHash: string;
  sessionUserAgent: string | null;
  sessionIp: string | null;
  sessionCreatedAt: string;
  sessionLastSeenAt: string;
  sessionExpiresAt: string;
  sessionSignInMethod: SessionRow['signInMethod'];
}

/** The session and its user from such a row (field by field: the row may hold other columns). */
export function sessionOfRow(row: SessionColumns): { session: SessionRow; user: SessionUser } {
  return {
    session: {
      id: row.sessionId,
      tokenHash: row.sessionTokenHash,
      userId: row.id,
      userAgent: row.sessionUserAgent,
      ip: row.sessionIp,
      createdAt: row.sessionCreatedAt,
      lastSeenAt: row.sessionLastSeenAt,
      expiresAt: row.sessionExpiresAt,
      signInMethod: row.sessionSignInMethod,
    },
    user: {
      id: row.id,
      email: row.email,
      emailVerifiedAt: row.emailVerifiedAt,
      passwordHash: row.passwordHash,
      displayName: row.displayName,
      locale: row.locale,
      isPlatformAdmin: row.isPlatformAdmin,
      suspendedAt: row.suspendedAt,
      erasedAt: row.erasedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    },
  };
}
