import type { SignInMethod } from '../../../common/auth.ts';
import type { SessionInfo } from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { DAY, isoIn, isoNow, MINUTE } from '../../lib/time.ts';
import { rooms } from '../realtime/index.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSessionByTokenHash,
  insertSession,
  listUserSessions,
  type SessionUser,
  touchSession,
} from './sessions.repository.ts';
import type { SessionRow } from './sessions.table.ts';

/** Last-seen times are written at most this often, so reading pages does not mean writing rows. */
const TOUCH_INTERVAL_MS = 5 * MINUTE;

export interface SessionContext {
  session: SessionRow;
  user: SessionUser;
}

/** Starts a session (recording how it signed in) and returns the opaque token for the cookie. */
export async function startSession(
  ctx: AppContext,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  signInMethod: SignInMethod = 'password',
): Promise<{ token: string; session: SessionRow }> {
  const token = newSecret();
  const now = isoNow();
  const session: SessionRow = {
    id: newId(),
    tokenHash: hashSecret(token),
    userId,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: isoIn(ctx.config.sessionAbsoluteDays * DAY),
    signInMethod,
  };
  await insertSession(ctx.database.db, session);
  return { token, session };
}

/** Resolves a cookie token to its session and user, enforcing idle and absolute expiry. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionContext | null> {
  const tokenHash = sessionTokenHash(token);
  if (tokenHash === null) return null;
  const found = await findSessionByTokenHash(ctx.database.db, tokenHash);
  return found ? acceptSession(ctx, found) : null;
}

/** What a cookie token is looked up by (null: it cannot be one of ours). */
export function sessionTokenHash(token: string): string | null {
  if (token.length < 20 || token.length > 100) return null;
  return hashSecret(token);
}

/**
 * A session found by its token (alone, or in a row with more: see SESSION_COLUMNS), checked: null
 * (and deleted) when it expired or its user is suspended; its last-seen time moved forward now and
 * then.
 */
export async function acceptSession(ctx: AppContext, found: SessionContext): Promise<SessionContext | null> {
  const now = Date.now();
  const idleLimit = Date.parse(found.session.lastSeenAt) + ctx.config.sessionIdleDays * DAY;
  if (
    Date.parse(found.session.expiresAt) <= now ||
    idleLimit <= now ||
    found.user.suspendedAt ||
    found.user.erasedAt
  ) {
    await deleteSession(ctx.database.db, found.user.id, found.session.id);
    return null;
  }
  if (now - Date.parse(found.session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    const lastSeenAt = isoNow(now);
    await touchSession(ctx.database.db, found.session.id, lastSeenAt);
    found.session.lastSeenAt = lastSeenAt;
  }
  return found;
}

/** Lists the user's active sessions, marking the one making the request. */
export async function listSessions(ctx: AppContext, current: SessionContext): Promise<SessionInfo[]> {
  const rows = await listUserSessions(ctx.database.db, current.user.id, isoNow());
  const idleMs = ctx.config.sessionIdleDays * DAY;
  return rows
    .filter((s) => Date.parse(s.lastSeenAt) + idleMs > Date.now())
    .map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      userAgent: s.userAgent,
      ip: s.ip,
      signInMethod: s.signInMethod,
      current: s.id === current.session.id,
    }));
}

/** Closes the live sockets of ended sessions (on this and, through the hub, every instance). */
async function announceRevoked(ctx: AppContext, userId: string, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await ctx.realtime.publish(rooms.user(userId), { type: 'session.revoked', data: { sessionIds } });
}

/** Signs out one of the user's sessions (another device, or this one). */
export async function revokeSession(ctx: AppContext, userId: string, sessionId: string): Promise<void> {
  if (!(await deleteSession(ctx.database.db, userId, sessionId))) throw notFound();
  await announceRevoked(ctx, userId, [sessionId]);
}

/** Signs out everywhere else. */
export async function revokeOtherSessions(ctx: AppContext, current: SessionContext): Promise<number> {
  const ids = await deleteUserSessions(ctx.database.db, current.user.id, current.session.id);
  await announceRevoked(ctx, current.user.id, ids);
  return ids.length;
}

/** Signs out everywhere (after a password reset). */
export async function revokeAllSessions(ctx: AppContext, userId: string): Promise<number> {
  const ids = await deleteUserSessions(ctx.database.db, userId);
  await announceRevoked(ctx, userId, ids);
  return ids.length;
}

/** Signs out the current session (no error when it is already gone). */
export async function endSession(ctx: AppContext, current: SessionContext | null): Promise<void> {
  if (!current) return;
  await deleteSession(ctx.database.db, current.user.id, current.session.id);
  await announceRevoked(ctx, current.user.id, [current.session.id]);
}
