import type { SignInMethod } from '../../../common/auth.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { hasPasskey } from './passkeys.repository.ts';
import { RATE_RULES } from './rate-rules.ts';
import { matchingStep, normaliseRecoveryCode } from './totp.ts';
import { openTotpSecret } from './totp-secrets.ts';
import { claimTotpStep, findTotp, spendRecoveryCode } from './two-factor.repository.ts';

/** How a second factor finished a step: a TOTP code or a recovery code. */
export type SecondFactorMethod = Extract<SignInMethod, 'password_totp' | 'recovery_code'>;

/** Wrong codes count like wrong passwords: per account, the same limit. */
function codeGuessKey(userId: string): string {
  return `second-factor:account:${userId}`;
}

/** Counts a wrong code (toward the account's limit for codes) and refuses it. */
export async function wrongCode(ctx: AppContext, userId: string): Promise<never> {
  await ctx.rateLimiter.count(codeGuessKey(userId), RATE_RULES.secondFactorFailuresPerAccount);
  throw new AppError('SECOND_FACTOR_INVALID', 400, { field: 'code' });
}

/** Throws RATE_LIMITED once the account has used up its wrong codes for the window. */
export async function checkCodeGuesses(ctx: AppContext, userId: string): Promise<void> {
  await ctx.rateLimiter.check(codeGuessKey(userId), RATE_RULES.secondFactorFailuresPerAccount);
}

/** The ways the account can finish a sign-in's second step: none when it has no second factor. */
export async function secondFactorMethods(
  ctx: AppContext,
  userId: string,
): Promise<Array<'totp' | 'recovery_code' | 'passkey'>> {
  const methods: Array<'totp' | 'recovery_code' | 'passkey'> = [];
  if ((await findTotp(ctx.database.db, userId))?.confirmedAt) methods.push('totp', 'recovery_code');
  if (await hasPasskey(ctx.database.db, userId)) methods.push('passkey');
  return methods;
}

/** Whether the account has a second factor: a confirmed TOTP secret or a passkey. */
export async function hasSecondFactor(ctx: AppContext, userId: string): Promise<boolean> {
  return (await secondFactorMethods(ctx, userId)).length > 0;
}

/**
 * Uses a TOTP code (each at most once) or an unused recovery code of the account; answers how the
 * step went on, or throws SECOND_FACTOR_INVALID (counted like a wrong password).
 */
export async function spendSecondFactor(
  ctx: AppContext,
  userId: string,
  code: string,
): Promise<SecondFactorMethod> {
  await checkCodeGuesses(ctx, userId);
  const db = ctx.database.db;
  const totp = await findTotp(db, userId);
  if (!totp?.confirmedAt) throw new AppError('TWO_FACTOR_OFF', 409);
  const step = matchingStep(openTotpSecret(ctx.config, userId, totp.secret), code);
  if (step !== null && (await claimTotpStep(db, userId, step))) return 'password_totp';
  const recovery = hashSecret(normaliseRecoveryCode(code));
  if (step === null && (await spendRecoveryCode(db, userId, recovery, isoNow()))) return 'recovery_code';
  return wrongCode(ctx, userId);
}

/**
 * Confirms a step with the second factor instead of the password (a TOTP or an unused recovery
 * code, spent by it): TWO_FACTOR_OFF for an account without one, SECOND_FACTOR_INVALID (counted)
 * for a wrong code, RATE_LIMITED once the account's wrong codes reached the limit.
 */
export async function assertSecondFactor(ctx: AppContext, userId: string, code: string): Promise<void> {
  await spendSecondFactor(ctx, userId, code);
}
