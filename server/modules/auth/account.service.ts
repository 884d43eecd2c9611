import type { ChangePasswordBody, UpdateMeBody } from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { revokeOtherSessions, type SessionContext } from '../../platform/sessions/index.ts';
import { type UserRow, updateUser } from '../users/index.ts';
import { assertCurrentPassword, assertStrongPassword, localeOf } from './auth.service.ts';
import { issueDeviceToken } from './device-cookie.ts';
import { hashPassword } from './password.ts';

/** Changes the display name and/or language of the signed-in user. */
export async function updateAccount(ctx: AppContext, user: UserRow, body: UpdateMeBody): Promise<UserRow> {
  const updated = await updateUser(ctx, user.id, {
    ...(body.displayName !== undefined && { displayName: body.displayName }),
    ...(body.locale !== undefined && { locale: body.locale }),
    updatedAt: isoNow(),
  });
  if (!updated) throw notFound();
  return updated;
}

/**
 * Changes the password after checking the current one; other sessions are signed out. Returns a
 * new device token for this browser (the old one was signed under the old password).
 */
export async function changePassword(
  ctx: AppContext,
  current: SessionContext,
  body: ChangePasswordBody,
  deviceToken?: string,
): Promise<string> {
  await assertCurrentPassword(ctx, current, body.currentPassword, deviceToken, body.code);
  assertStrongPassword(body.newPassword, current.user.email, 'newPassword');
  const updated = await updateUser(ctx, current.user.id, {
    passwordHash: await hashPassword(body.newPassword, ctx.config.passwordCost),
    updatedAt: isoNow(),
  });
  await revokeOtherSessions(ctx, current);
  await ctx.mailer.send(current.user.email, localeOf(current.user), {
    name: 'password_changed',
    params: { name: current.user.displayName },
  });
  return issueDeviceToken(updated ?? current.user);
}
