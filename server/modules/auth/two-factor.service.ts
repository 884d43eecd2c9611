import { RECOVERY_CODE_COUNT } from '../../../common/auth.ts';
import type {
  DisableTotpBody,
  LoginSecondFactorBody,
  TotpEnrolment,
  TwoFactorStatus,
} from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { hashSecret, newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { type RequestMeta, revokeOtherSessions, type SessionContext } from '../../platform/sessions/index.ts';
import { findUserById } from '../users/index.ts';
import { assertCurrentPassword, localeOf, RATE_RULES, type SignedIn } from './auth.service.ts';
import { checkCodeGuesses, spendSecondFactor, wrongCode } from './second-factor.ts';
import { finishSignIn } from './finish-sign-in.ts';
import { consumeToken, findUsableToken } from './tokens.ts';
import {
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  totpEnrolment,
} from './totp.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.ts';
import {
  confirmTotp,
  countRecoveryCodesLeft,
  deleteSecondFactors,
  findTotp,
  putPendingTotp,
  replaceRecoveryCodes,
} from './two-factor.repository.ts';

const ISSUER = 'mentorNET';

/** The account's second factors, as its owner sees them. */
export async function twoFactorStatus(ctx: AppContext, userId: string): Promise<TwoFactorStatus> {
  const totp = await findTotp(ctx.database.db, userId);
  const enabled = Boolean(totp?.confirmedAt);
  return {
    totpEnabled: enabled,
    totpEnabledAt: totp?.confirmedAt ?? null,
    recoveryCodesLeft: enabled ? await countRecoveryCodesLeft(ctx.database.db, userId) : 0,
  };
}

/**
 * Starts TOTP enrolment: a new secret, kept unconfirmed until the first code from the app; the
 * secret leaves the server this once. Starting again replaces an unconfirmed secret.
 */
export async function startTotpEnrolment(ctx: AppContext, current: SessionContext): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  const stored = await putPendingTotp(ctx.database.db, {
    userId: current.user.id,
    secret: sealTotpSecret(ctx.config, current.user.id, secret),
    confirmedAt: null,
    lastUsedStep: null,
    createdAt: isoNow(),
  });
  if (!stored) throw new AppError('TWO_FACTOR_ALREADY_ON', 409);
  return { secret, ...(await totpEnrolment(secret, current.user.email, ISSUER)) };
}

/** Tells the owner by mail that the factors changed (and other sessions ended): it may not have been them. */
export async function mailChange(
  ctx: AppContext,
  current: SessionContext,
  change: 'enabled' | 'disabled' | 'recovery_codes' | 'passkey_added' | 'passkey_removed',
): Promise<void> {
  await ctx.mailer.send(current.user.email, localeOf(current.user), {
    name: 'two_factor_changed',
    params: { name: current.user.displayName, change },
  });
}

/** New recovery codes for the account (the old ones stop working); the codes are returned this once. */
async function issueRecoveryCodes(ctx: AppContext, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = isoNow();
  await replaceRecoveryCodes(
    ctx.database.db,
    userId,
    codes.map((code) => ({
      id: newId(),
      userId,
      codeHash: hashSecret(normaliseRecoveryCode(code)),
      usedAt: null,
      createdAt: now,
    })),
  );
  return codes;
}

/**
 * Turns TOTP on with the first code from the app; answers the recovery codes (shown once) and
 * signs out every other session.
 */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  current: SessionContext,
  code: string,
): Promise<string[]> {
  const userId = current.user.id;
  const totp = await findTotp(ctx.database.db, userId);
  if (!totp) throw new AppError('TWO_FACTOR_NOT_STARTED', 409);
  if (totp.confirmedAt) throw new AppError('TWO_FACTOR_ALREADY_ON', 409);
  await checkCodeGuesses(ctx, userId);
  const step = matchingStep(openTotpSecret(ctx.config, userId, totp.secret), code);
  if (step === null) return wrongCode(ctx, userId);
  const codes = await withTransaction(ctx, async (tx) => {
    if (!(await confirmTotp(tx.database.db, userId, step, isoNow())))
      throw new AppError('TWO_FACTOR_ALREADY_ON', 409);
    return issueRecoveryCodes(tx, userId);
  });
  await revokeOtherSessions(ctx, current);
  await mailChange(ctx, current, 'enabled');
  return codes;
}

/** Finishes a sign-in that waits for its second factor: a session that records which one was used. */
export async function completeSecondFactor(
  ctx: AppContext,
  body: LoginSecondFactorBody,
  meta: RequestMeta,
): Promise<SignedIn> {
  await ctx.rateLimiter.hit(`login:ip:${meta.ip}`, RATE_RULES.loginPerIp);
  const pending = await findUsableToken(ctx, body.pendingToken, 'second_factor');
  const method = await spendSecondFactor(ctx, pending.userId, body.code);
  await consumeToken(ctx, pending);
  return finishSignIn(ctx, await findUserById(ctx, pending.userId), meta, method);
}

/** Turns TOTP off (password and a code again); recovery codes go too, other sessions end. */
export async function disableTotp(
  ctx: AppContext,
  current: SessionContext,
  body: DisableTotpBody,
  deviceToken?: string,
): Promise<void> {
  await assertCurrentPassword(ctx, current, body.currentPassword, deviceToken);
  await spendSecondFactor(ctx, current.user.id, body.code);
  await withTransaction(ctx, (tx) => deleteSecondFactors(tx.database.db, current.user.id));
  await revokeOtherSessions(ctx, current);
  await mailChange(ctx, current, 'disabled');
}

/** Replaces the recovery codes after a TOTP code; other sessions end. */
export async function renewRecoveryCodes(
  ctx: AppContext,
  current: SessionContext,
  code: string,
): Promise<string[]> {
  // The body takes six digits only, so this is a TOTP code, never a recovery code.
  await spendSecondFactor(ctx, current.user.id, code);
  const codes = await withTransaction(ctx, (tx) => issueRecoveryCodes(tx, current.user.id));
  await revokeOtherSessions(ctx, current);
  await mailChange(ctx, current, 'recovery_codes');
  return codes;
}
