import { DELETION_GRACE_DAYS } from '../../../common/account-data.ts';
import type { DeleteAccountBody, DeletionState } from '../../../common/contracts/account-data.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { revokeAllSessions, type SessionContext } from '../../platform/sessions/index.ts';
import { assertCurrentPassword, assertSecondFactor, localeOf } from '../auth/index.ts';
import { findAccountDeletion, scheduleAccountDeletion } from '../users/index.ts';
import { presentDeletion } from './account-data.presenter.ts';
import { findSoleMetaMentorNetworks } from './account-data.repository.ts';
import { ERASE_JOB } from './erasure.service.ts';

/** What deleting the account would do (the networks that would lose their only meta-mentor). */
export async function deletionState(ctx: AppContext, userId: string): Promise<DeletionState> {
  const networks = await findSoleMetaMentorNetworks(ctx.database.db, userId);
  return presentDeletion(await findAccountDeletion(ctx, userId), networks);
}

/**
 * Deactivates the account after checking the password again (or, for an account with a second
 * factor, a code from it instead): every session ends at once, and a job erases the account after
 * the grace period unless the person signs in before then.
 */
export async function requestDeletion(
  ctx: AppContext,
  current: SessionContext,
  body: DeleteAccountBody,
  deviceToken?: string,
): Promise<DeletionState> {
  if (body.password !== undefined) {
    await assertCurrentPassword(ctx, current, body.password, deviceToken, body.code);
  } else if (body.code !== undefined) {
    await assertSecondFactor(ctx, current.user.id, body.code);
  } else {
    // The contract asks for one of them; never delete on neither.
    throw new AppError('INVALID_CREDENTIALS', 401, { field: 'password' });
  }
  const user = current.user;
  const now = Date.now();
  const eraseAfter = isoNow(now + DELETION_GRACE_DAYS * DAY);
  await scheduleAccountDeletion(ctx, {
    userId: user.id,
    requestedAt: isoNow(now),
    eraseAfter,
    removePostText: body.removePostText ? 1 : 0,
  });
  const state = await deletionState(ctx, user.id);
  await ctx.jobs.enqueue(ERASE_JOB, { userId: user.id }, { runAt: state.eraseAfter ?? eraseAfter });
  await revokeAllSessions(ctx, user.id);
  await ctx.mailer.send(user.email, localeOf(user), {
    name: 'account_deletion',
    params: { name: user.displayName, url: `${ctx.config.publicUrl}/signin`, days: DELETION_GRACE_DAYS },
  });
  return state;
}
