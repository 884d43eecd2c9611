import { timingSafeEqual } from 'node:crypto';
import type { SetupBody } from '../../../common/contracts/auth.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { type RequestMeta, startSession } from '../../platform/sessions/index.ts';
import { assertStrongPassword, hashPassword } from '../auth/index.ts';
import { assertSignUpAcceptance, recordSignUpAcceptance } from '../legal/index.ts';
import { countUsers, createUser, findUserByEmail, type UserRow, updateUser } from '../users/index.ts';

/** True while the platform has no account at all. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx)) === 0;
}

/**
 * Creates a platform admin (verified), or promotes an existing account to admin.
 * Returns the account and whether it was newly created.
 */
export async function createOrPromoteAdmin(
  ctx: AppContext,
  input: { email: string; password: string; displayName: string; locale: Locale },
): Promise<{ user: UserRow; created: boolean }> {
  const existing = await findUserByEmail(ctx, input.email);
  if (existing) {
    const user = await updateUser(ctx, existing.id, { isPlatformAdmin: 1, updatedAt: isoNow() });
    return { user: user ?? existing, created: false };
  }
  assertStrongPassword(input.password, input.email);
  const now = isoNow();
  const user: UserRow = {
    id: newId(),
    email: input.email,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(input.password, ctx.config.passwordCost),
    displayName: input.displayName,
    locale: input.locale,
    isPlatformAdmin: 1,
    suspendedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await createUser(ctx, user))) throw new AppError('EMAIL_TAKEN', 409, { field: 'email' });
  return { user, created: true };
}

/** First-run setup in the browser: needs the one-time code printed at startup. */
export async function completeSetup(
  ctx: AppContext,
  body: SetupBody,
  setupToken: string | undefined,
  meta: RequestMeta,
): Promise<{ user: UserRow; token: string }> {
  if (!(await needsSetup(ctx))) throw new AppError('SETUP_DONE', 409);
  const given = Buffer.from(body.token);
  const expected = Buffer.from(setupToken ?? '');
  if (!setupToken || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('SETUP_TOKEN_INVALID', 403, { field: 'token' });
  }
  // Like signing up: the versions shown must be the current ones (409 DOCUMENT_CHANGED otherwise).
  await assertSignUpAcceptance(ctx, body.acceptedLegal);
  const { user, created } = await createOrPromoteAdmin(ctx, body);
  if (created) await recordSignUpAcceptance(ctx, user.id, body.acceptedLegal);
  const { token } = await startSession(ctx, user.id, meta);
  return { user, token };
}
