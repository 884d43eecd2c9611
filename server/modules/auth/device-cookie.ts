import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account once keeps a signed token for it, and the per-account lockout after
 * wrong guesses does not apply to it — it has a lockout of its own. So a stranger who knows an
 * address can lock out other browsers, never the owner's.
 */
export const DEVICE_COOKIE = 'mn_device';
const DEVICE_COOKIE_DAYS = 180;

/**
 * The signature is keyed with the account's password hash, which never leaves the server: no
 * extra secret to configure, valid across instances, and every device cookie dies with a new
 * password.
 */
function signature(user: { id: string; passwordHash: string }, nonce: string): Buffer {
  return createHmac('sha256', `mentornet-device:${user.passwordHash}`).update(`${user.id}.${nonce}`).digest();
}

/** A new device token for the account: `<user id>.<nonce>.<signature>`. */
export function issueDeviceToken(user: { id: string; passwordHash: string }): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${user.id}.${nonce}.${signature(user, nonce).toString('base64url')}`;
}

/** The device's nonce when the token was issued to this account under its current password. */
export function trustedDeviceOf(
  user: { id: string; passwordHash: string },
  token: string | undefined,
): string | undefined {
  if (!token || token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [userId, nonce, mac] = parts as [string, string, string];
  if (userId !== user.id || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) return undefined;
  const expected = signature(user, nonce);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
}

export function deviceTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[DEVICE_COOKIE];
}

/** HttpOnly, SameSite=Lax, sent to the API only. */
export function setDeviceCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}
