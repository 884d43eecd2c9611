import type { LoginBody, RegisterBody } from '../../../common/contracts/auth.ts';
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/auth.ts';
import { isLocale, type Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { HOUR, isoIn, isoNow, MINUTE } from '../../lib/time.ts';
import { type RequestMeta, type SessionContext, startSession } from '../../platform/sessions/index.ts';
import { assertSignUpAcceptance, recordSignUpAcceptance } from '../legal/index.ts';
import {
  cancelAccountDeletion,
  createUser,
  findUserByEmail,
  findUserById,
  type UserRow,
  updateUser,
} from '../users/index.ts';
import { issueDeviceToken, trustedDeviceOf } from './device-cookie.ts';
import { type EmailVerifiedFollowUp, emailVerified } from './email-verified.ts';
import { getDummyHash, hashPassword, isWeakPassword, verifyPassword } from './password.ts';
import { RATE_RULES } from './rate-rules.ts';
import {
  hasSecondFactor,
  type SecondFactorMethod,
  secondFactorMethods,
  spendSecondFactor,
} from './second-factor.ts';
import { consumeToken, findUsableToken, issueUserToken } from './tokens.ts';

export { RATE_RULES };

/** How long a verification link stays valid. */
export const VERIFY_TTL_HOURS = 48;
/** How long a password-reset link stays valid. */
export const RESET_TTL_MINUTES = 60;
/** How long the step between a correct password and the second factor stays open. */
export const SECOND_FACTOR_TTL_MINUTES = 5;

/** The language to write to a user in (English when their stored locale is unknown). */
export function localeOf(user: UserRow): Locale {
  return isLocale(user.locale) ? user.locale : 'en';
}

/** Refuses weak passwords with a field hint the form can show next to the input. */
export function assertStrongPassword(password: string, email: string, field = 'password'): void {
  if (isWeakPassword(password, { email })) {
    throw new AppError('WEAK_PASSWORD', 400, { field }, { min: PASSWORD_MIN_LENGTH });
  }
}

/**
 * Registers an account and mails a verification link. When the address is taken, the owner gets
 * a mail instead and the caller sees the same answer, so registration reveals no addresses.
 */
export async function registerUser(
  ctx: AppContext,
  body: RegisterBody,
  meta: RequestMeta,
): Promise<UserRow | null> {
  await ctx.rateLimiter.hit(`register:ip:${meta.ip}`, RATE_RULES.registerPerIp);
  assertStrongPassword(body.password, body.email);
  await assertSignUpAcceptance(ctx, body.acceptedLegal);
  const now = isoNow();
  const user: UserRow = {
    id: newId(),
    email: body.email,
    emailVerifiedAt: null,
    passwordHash: await hashPassword(body.password, ctx.config.passwordCost),
    displayName: body.displayName,
    locale: body.locale,
    isPlatformAdmin: 0,
    suspendedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (await createUser(ctx, user)) {
    await recordSignUpAcceptance(ctx, user.id, body.acceptedLegal);
    await sendVerificationMail(ctx, user);
    return user;
  }
  const existing = await findUserByEmail(ctx, body.email);
  const overLimit = await ctx.rateLimiter.count(`mail:${body.email}`, RATE_RULES.mailsPerAccount);
  if (existing && overLimit === undefined) {
    await ctx.mailer.send(existing.email, localeOf(existing), {
      name: 'register_exists',
      params: { name: existing.displayName, url: `${ctx.config.publicUrl}/forgot-password` },
    });
  }
  return null;
}

async function sendVerificationMail(ctx: AppContext, user: UserRow): Promise<void> {
  const token = await issueUserToken(ctx, user.id, 'verify_email', VERIFY_TTL_HOURS * HOUR);
  await ctx.mailer.send(user.email, localeOf(user), {
    name: 'verify',
    params: {
      name: user.displayName,
      url: `${ctx.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
      hours: VERIFY_TTL_HOURS,
    },
  });
}

/** Sends a new verification link to a signed-in, unverified user. */
export async function resendVerification(ctx: AppContext, user: UserRow): Promise<void> {
  if (user.emailVerifiedAt) return;
  await ctx.rateLimiter.hit(`mail:${user.email}`, RATE_RULES.mailsPerAccount);
  await sendVerificationMail(ctx, user);
}

/**
 * Confirms an e-mail address with the token from the verification mail (single use), then lets
 * other modules act on it once (an application sent with the account reaches the network).
 */
export async function verifyEmail(ctx: AppContext, secret: string): Promise<EmailVerifiedFollowUp> {
  const token = await findUsableToken(ctx, secret, 'verify_email');
  await consumeToken(ctx, token);
  const user = await findUserById(ctx, token.userId);
  if (!user || user.emailVerifiedAt) return {};
  const verifiedAt = isoNow();
  await updateUser(ctx, user.id, { emailVerifiedAt: verifiedAt, updatedAt: verifiedAt });
  return emailVerified(ctx, { ...user, emailVerifiedAt: verifiedAt });
}

/**
 * The wrong-guess counters a password attempt is checked against and counted in: the account's,
 * unless the browser holds a device cookie for the account — then the device's own, so guesses
 * from elsewhere cannot lock the owner out. Wrong guesses from a device count for both.
 */
function guessKeys(email: string, device: string | undefined) {
  const accountKey = `login:account:${email}`;
  return device
    ? { checkKey: `login:device:${device}`, countKeys: [accountKey, `login:device:${device}`] }
    : { checkKey: accountKey, countKeys: [accountKey] };
}

async function countWrongGuess(ctx: AppContext, keys: string[]): Promise<void> {
  for (const key of keys) await ctx.rateLimiter.count(key, RATE_RULES.loginFailuresPerAccount);
}

/** A finished sign-in: the session's token and a new device token for the browser. */
export interface SignedIn {
  status: 'signed_in';
  user: UserRow;
  token: string;
  sessionId: string;
  deviceToken: string;
  /** Signing in during the grace period of a deletion cancels it (the answer says so). */
  deletionCancelled: boolean;
}

/** A correct password for an account with a second factor: the code is asked next. */
export interface SecondFactorPending {
  status: 'second_factor_required';
  pendingToken: string;
  expiresAt: string;
  /** How the account can finish the step: a TOTP or recovery code, a passkey. */
  methods: Array<'totp' | 'recovery_code' | 'passkey'>;
}

/**
 * The account's lockout (or the trusted device's), if its wrong guesses have reached the limit:
 * the RATE_LIMITED error to answer, without counting.
 */
async function lockoutOf(ctx: AppContext, checkKey: string): Promise<AppError | undefined> {
  try {
    await ctx.rateLimiter.check(checkKey, RATE_RULES.loginFailuresPerAccount);
    return undefined;
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return error;
    throw error;
  }
}

/**
 * The way past a lockout for an account with a second factor (OWASP: the second factor proves the
 * owner, so a stranger's wrong guesses should not lock them out): the right password together with
 * a valid TOTP or recovery code, in the same request.
 *
 * Why this is no password oracle for a locked account: every way this can fail — no code sent,
 * unknown address, wrong password, an account without a second factor, a wrong or spent code, the
 * account's code guesses used up — gives the very same RATE_LIMITED answer as before, and the code
 * is only looked at after the password was right. So whoever lacks a valid code learns nothing
 * from a locked account, not even whether it has a second factor; wrong passwords still count
 * toward the lockout, and wrong codes toward the limit on codes (which, once reached, shuts this
 * way too). Only a caller who already holds a valid code can tell a right password from a wrong
 * one — and that is the owner, or someone who has both factors anyway.
 *
 * The code is looked at only after a right password on purpose: checking it first would let a
 * stranger use up the account's wrong codes and shut this way for the owner as well. The price
 * is a few database reads more after a right password than after a wrong one (the password hash
 * itself takes far longer); attempts here stay limited per IP.
 */
async function passSecondFactorThroughLockout(
  ctx: AppContext,
  lockout: AppError,
  userId: string | undefined,
  passwordOk: boolean,
  code: string | undefined,
  countKeys: string[],
): Promise<SecondFactorMethod> {
  if (!passwordOk || !userId) {
    await countWrongGuess(ctx, countKeys);
    throw lockout;
  }
  if (code === undefined || !(await hasSecondFactor(ctx, userId))) throw lockout;
  try {
    return await spendSecondFactor(ctx, userId, code);
  } catch (error) {
    // A wrong code was counted by spendSecondFactor; the answer stays the lockout's.
    if (error instanceof AppError) throw lockout;
    throw error;
  }
}

/**
 * Checks e-mail and password, limited per IP and per account (or per trusted device), with the
 * same work done whether or not the account exists; starts a session and issues a new device
 * token on success — or, when the account has a second factor, hands out a short-lived pending
 * token that the code must come with (no session, no device cookie yet). A locked account with a
 * second factor signs in with the password and a code in one request (`code`, see above).
 */
export async function login(
  ctx: AppContext,
  body: LoginBody,
  meta: RequestMeta,
  deviceToken?: string,
): Promise<SignedIn | SecondFactorPending> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const user = await findUserByEmail(ctx, body.email);
  const keys = guessKeys(body.email, user ? trustedDeviceOf(user, deviceToken) : undefined);
  const lockout = await lockoutOf(ctx, keys.checkKey);
  if (lockout && body.code === undefined) throw lockout;
  const cost = ctx.config.passwordCost;
  const result = await verifyPassword(body.password, user?.passwordHash ?? (await getDummyHash(cost)), cost);
  let method: SecondFactorMethod | undefined;
  if (lockout) {
    method = await passSecondFactorThroughLockout(
      ctx,
      lockout,
      user?.id,
      result.ok,
      body.code,
      keys.countKeys,
    );
  }
  if (!user || !result.ok) {
    await countWrongGuess(ctx, keys.countKeys);
    throw new AppError('INVALID_CREDENTIALS', 401);
  }
  if (user.suspendedAt) throw new AppError('ACCOUNT_SUSPENDED', 403);
  let signedIn = user;
  if (result.needsRehash) {
    signedIn =
      (await updateUser(ctx, user.id, { passwordHash: await hashPassword(body.password, cost) })) ?? user;
  }
  const methods = method ? [] : await secondFactorMethods(ctx, user.id);
  if (methods.length > 0) {
    const ttl = SECOND_FACTOR_TTL_MINUTES * MINUTE;
    const pendingToken = await issueUserToken(ctx, user.id, 'second_factor', ttl);
    return { status: 'second_factor_required', pendingToken, expiresAt: isoIn(ttl), methods };
  }
  const deletionCancelled = await cancelAccountDeletion(ctx, user.id);
  const { token, session } = await startSession(ctx, user.id, meta, method);
  return {
    status: 'signed_in',
    user: signedIn,
    token,
    sessionId: session.id,
    deviceToken: issueDeviceToken(signedIn),
    deletionCancelled,
  };
}

/**
 * Verifies the current password of a signed-in user (limited like sign-in, with the same
 * exceptions: the browser's device cookie, or — for an account with a second factor — a valid
 * code sent with the password, with the same reasoning and the same single answer as at sign-in).
 */
export async function assertCurrentPassword(
  ctx: AppContext,
  current: SessionContext,
  password: string,
  deviceToken?: string,
  code?: string,
) {
  const keys = guessKeys(current.user.email, trustedDeviceOf(current.user, deviceToken));
  const lockout = await lockoutOf(ctx, keys.checkKey);
  if (lockout && code === undefined) throw lockout;
  const cost = ctx.config.passwordCost;
  const result = await verifyPassword(password, current.user.passwordHash, cost);
  if (lockout) {
    await passSecondFactorThroughLockout(ctx, lockout, current.user.id, result.ok, code, keys.countKeys);
    return;
  }
  if (!result.ok) {
    await countWrongGuess(ctx, keys.countKeys);
    throw new AppError('INVALID_CREDENTIALS', 401, { field: 'currentPassword' });
  }
}
