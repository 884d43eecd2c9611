import type { Kysely } from 'kysely';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import { SESSION_COLUMNS, type SessionUser, sessionOfRow } from './session-row.ts';
import type { SessionRow } from './sessions.table.ts';

export type { SessionUser };

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
      .select(SESSION_COLUMNS)
      .where('s.tokenHash', '=', p.tokenHash),
  { values: ['tokenHash'], jsonRows: true },
);

export async function findSessionByTokenHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<{ session: SessionRow; user: SessionUser } | undefined> {
  const [row] = await sessionByTokenHash(db, { tokenHash });
  return row ? sessionOfRow(row) : undefined;
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
