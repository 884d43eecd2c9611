import type { SignInMethod } from '../../../common/auth.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { type RequestMeta, startSession } from '../../platform/sessions/index.ts';
import { cancelAccountDeletion, type UserRow } from '../users/index.ts';
import type { SignedIn } from './auth.service.ts';
import { issueDeviceToken } from './device-cookie.ts';

/**
 * The end of every sign-in that proved the account (a second step, a passkey): refuses a
 * suspended account, cancels a pending deletion, starts a session that records how it signed in.
 */
export async function finishSignIn(
  ctx: AppContext,
  user: UserRow | undefined,
  meta: RequestMeta,
  method: SignInMethod,
): Promise<SignedIn> {
  if (!user) throw new AppError('TOKEN_INVALID', 400);
  if (user.suspendedAt) throw new AppError('ACCOUNT_SUSPENDED', 403);
  const deletionCancelled = await cancelAccountDeletion(ctx, user.id);
  const { token, session } = await startSession(ctx, user.id, meta, method);
  return {
    status: 'signed_in',
    user,
    token,
    sessionId: session.id,
    deviceToken: issueDeviceToken(user),
    deletionCancelled,
  };
}
