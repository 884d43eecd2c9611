import type { PasswordResetConfirmBody } from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { isoNow, MINUTE } from '../../lib/time.ts';
import { type RequestMeta, revokeAllSessions } from '../../platform/sessions/index.ts';
import { findUserByEmail, findUserById, updateUser } from '../users/index.ts';
import { expireUserTokens } from './auth.repository.ts';
import { assertStrongPassword, localeOf, RATE_RULES, RESET_TTL_MINUTES } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { consumeToken, findUsableToken, issueUserToken } from './tokens.ts';

/**
 * Mails a reset link when the address belongs to an account. The caller always gets the same
 * answer; per-account limits are applied silently so they reveal nothing either.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: RequestMeta): Promise<void> {
  await ctx.rateLimiter.hit(`reset:ip:${meta.ip}`, RATE_RULES.resetPerIp);
  const overLimit = await ctx.rateLimiter.count(`mail:${email}`, RATE_RULES.mailsPerAccount);
  const user = await findUserByEmail(ctx, email);
  if (!user || overLimit !== undefined || user.suspendedAt) return;
  await expireUserTokens(ctx.database.db, user.id, 'password_reset', isoNow());
  const token = await issueUserToken(ctx, user.id, 'password_reset', RESET_TTL_MINUTES * MINUTE);
  await ctx.mailer.send(user.email, localeOf(user), {
    name: 'reset',
    params: {
      name: user.displayName,
      url: `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      minutes: RESET_TTL_MINUTES,
    },
  });
}

/** Sets a new password with a reset token (single use) and signs the account out everywhere. */
export async function confirmPasswordReset(ctx: AppContext, body: PasswordResetConfirmBody): Promise<void> {
  const token = await findUsableToken(ctx, body.token, 'password_reset');
  const user = await findUserById(ctx, token.userId);
  assertStrongPassword(body.password, user?.email ?? '');
  await consumeToken(ctx, token);
  if (!user) return;
  const now = isoNow();
  await updateUser(ctx, user.id, {
    passwordHash: await hashPassword(body.password, ctx.config.passwordCost),
    // Opening the link proves the mailbox is theirs.
    emailVerifiedAt: user.emailVerifiedAt ?? now,
    updatedAt: now,
  });
  await revokeAllSessions(ctx, user.id);
}
