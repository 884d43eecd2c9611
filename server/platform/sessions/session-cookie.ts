import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { unauthenticated } from '../../errors.ts';
import type { SessionContext } from './sessions.service.ts';

export const SESSION_COOKIE = 'mn_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session and user, or null (set by the request-context plugin). */
    auth: SessionContext | null;
  }
}

/** Where a request came from, kept with sessions and audit entries. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Session cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    maxAge: Math.floor(config.sessionAbsoluteDays * 86_400),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** The signed-in session of a request (resolved by the request-context plugin), or 401. */
export function requireAuth(request: FastifyRequest): SessionContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}
