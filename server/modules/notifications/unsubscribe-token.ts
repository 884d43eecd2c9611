import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnsubscribeScope } from '../../../common/contracts/notifications.ts';
import { DAY } from '../../lib/time.ts';

/** Unsubscribe links stay valid this long (mail sits in inboxes for months). */
export const UNSUBSCRIBE_TTL_MS = 180 * DAY;

export interface UnsubscribeClaims {
  userId: string;
  scope: UnsubscribeScope;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function signature(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** `<userId>.<scope>.<exp>.<HMAC-SHA256 with the user's own key>`: no session needed, no row per link. */
export function signUnsubscribeToken(key: string, claims: UnsubscribeClaims): string {
  const payload = `${claims.userId}.${claims.scope}.${claims.exp}`;
  return `${payload}.${signature(key, payload)}`;
}

/** The claims of a token as written, before its signature is checked (to find the key). */
export function readUnsubscribeToken(
  token: string,
): (UnsubscribeClaims & { payload: string; sig: string }) | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId, scope, exp, sig] = parts as [string, string, string, string];
  const parsedScope = UnsubscribeScope.safeParse(scope);
  if (!/^[0-9a-f-]{36}$/.test(userId) || !parsedScope.success || !/^\d{1,12}$/.test(exp)) return null;
  return { userId, scope: parsedScope.data, exp: Number(exp), payload: `${userId}.${scope}.${exp}`, sig };
}

/** Whether the signature matches the key (constant time). */
export function hasValidSignature(key: string, payload: string, sig: string): boolean {
  const expected = Buffer.from(signature(key, payload));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
