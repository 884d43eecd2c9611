import type { Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { SessionRow } from './sessions.table.ts';

/** The account a session belongs to (a row of the users table). */
export type SessionUser = Selectable<DB['users']>;

/** Stores a new session (only the token's hash is kept). */
export async function insertSession(db: Kysely<DB>, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** Finds a session and its user by the token hash, in one query (this runs on every API request). */
const sessionByTokenHash = precompiled(
  (db, p: { tokenHash: string }) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      // The user's columns by name (`jsonRows` reads a row as one JSON array of named values).
      .select([
        'u.id',
        'u.email',
        'u.emailVerifiedAt',
        'u.passwordHash',
        'u.displayName',
        'u.locale',
        'u.isPlatformAdmin',
        'u.suspendedAt',
        'u.createdAt',
        'u.updatedAt',
        's.id as sessionId',
        's.tokenHash as sessionTokenHash',
        's.userAgent as sessionUserAgent',
        's.ip as sessionIp',
        's.createdAt as sessionCreatedAt',
        's.lastSeenAt as sessionLastSeenAt',
        's.expiresAt as sessionExpiresAt',
      ])
      .where('s.tokenHash', '=', p.tokenHash),
  { values: ['tokenHash'], jsonRows: true },
);

export async function findSessionByTokenHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<{ session: SessionRow; user: SessionUser } | undefined> {
  const [row] = await sessionByTokenHash(db, { tokenHash });
  if (!row) return undefined;
  const {
    sessionId,
    sessionTokenHash,
    sessionUserAgent,
    sessionIp,
    sessionCreatedAt,
    sessionLastSeenAt,
    sessionExpiresAt,
    ...user
  } = row;
  return {
    session: {
      id: sessionId,
      tokenHash: sessionTokenHash,
      userId: user.id,
      userAgent: sessionUserAgent,
      ip: sessionIp,
      createdAt: sessionCreatedAt,
      lastSeenAt: sessionLastSeenAt,
      expiresAt: sessionExpiresAt,
    },
    user,
  };
}

/** Moves a session's last-seen time forward. */
export async function touchSession(db: Kysely<DB>, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).execute();
}

/** Lists a user's sessions that have not expired absolutely, newest first. */
export function listUserSessions(db: Kysely<DB>, userId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('userId', '=', userId)
    .where('expiresAt', '>', now)
    .orderBy('lastSeenAt', 'desc')
    .execute();
}

/** Deletes one session of a user; returns whether it existed. */
export async function deleteSession(db: Kysely<DB>, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every session of a user, except one when given; returns the ids deleted. */
export async function deleteUserSessions(
  db: Kysely<DB>,
  userId: string,
  exceptId?: string,
): Promise<string[]> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}
