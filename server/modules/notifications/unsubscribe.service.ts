import type {
  OptionalEmailKind,
  UnsubscribeInfo,
  UnsubscribeScope,
} from '../../../common/contracts/notifications.ts';
import { kindsOfSetting, OPTIONAL_EMAIL_KINDS } from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { newSecret } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { findUserById } from '../users/index.ts';
import {
  cancelPendingEmail,
  ensureSettings,
  findSettings,
  listPreferences,
  upsertPreference,
} from './notifications.repository.ts';
import {
  hasValidSignature,
  readUnsubscribeToken,
  signUnsubscribeToken,
  UNSUBSCRIBE_TTL_MS,
  type UnsubscribeClaims,
} from './unsubscribe-token.ts';

/** A signed link that turns off one kind (or all optional) notification e-mail, without signing in. */
export async function unsubscribeUrl(
  ctx: AppContext,
  userId: string,
  scope: UnsubscribeScope,
  now = Date.now(),
) {
  const settings = await ensureSettings(ctx.database.db, userId, newSecret(), isoNow(now));
  const token = signUnsubscribeToken(settings.unsubscribeKey, {
    userId,
    scope,
    exp: Math.floor((now + UNSUBSCRIBE_TTL_MS) / 1000),
  });
  // The page of the web app explains what the link does and asks to confirm (also signed out).
  return `${ctx.config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Checks a token: TOKEN_INVALID when malformed or forged, TOKEN_EXPIRED when too old. */
async function verify(ctx: AppContext, token: string, now: number): Promise<UnsubscribeClaims> {
  const claims = readUnsubscribeToken(token);
  const settings = claims && (await findSettings(ctx.database.db, claims.userId));
  if (!claims || !settings || !hasValidSignature(settings.unsubscribeKey, claims.payload, claims.sig)) {
    throw new AppError('TOKEN_INVALID', 400);
  }
  if (claims.exp * 1000 < now) throw new AppError('TOKEN_EXPIRED', 410);
  return claims;
}

const kindsOf = (scope: UnsubscribeScope): OptionalEmailKind[] =>
  scope === 'all' ? [...OPTIONAL_EMAIL_KINDS] : [scope];

/** a…@example.org: enough to recognise one's address, not enough to harvest it. */
function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

async function describe(ctx: AppContext, claims: UnsubscribeClaims): Promise<UnsubscribeInfo> {
  const user = await findUserById(ctx, claims.userId);
  if (!user) throw new AppError('TOKEN_INVALID', 400);
  const saved = await listPreferences(ctx.database.db, claims.userId);
  return {
    scope: claims.scope,
    email: maskEmail(user.email),
    done: kindsOf(claims.scope).every((kind) => saved.get(kind) === 'off'),
  };
}

/** What a link would do (GET shows it before anything changes). */
export async function describeUnsubscribe(
  ctx: AppContext,
  token: string,
  now = Date.now(),
): Promise<UnsubscribeInfo> {
  return describe(ctx, await verify(ctx, token, now));
}

/** Applies a link: the kind (or all optional e-mail) is off, pending digest lines are dropped. */
export async function applyUnsubscribe(
  ctx: AppContext,
  token: string,
  now = Date.now(),
): Promise<UnsubscribeInfo> {
  const claims = await verify(ctx, token, now);
  const at = isoNow(now);
  const kinds = kindsOf(claims.scope);
  for (const kind of kinds) await upsertPreference(ctx.database.db, claims.userId, kind, 'off', at);
  await cancelPendingEmail(ctx.database.db, claims.userId, kinds.flatMap(kindsOfSetting), at);
  return describe(ctx, claims);
}
