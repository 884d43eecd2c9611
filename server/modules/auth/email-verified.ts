import type { VerifyEmailResult } from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import type { UserRow } from '../users/index.ts';

/** What other modules did once an address was confirmed, for the confirmation page to show. */
export type EmailVerifiedFollowUp = Omit<VerifyEmailResult, 'ok'>;
type Listener = (ctx: AppContext, user: UserRow) => Promise<EmailVerifiedFollowUp | null>;

const listeners: Listener[] = [];

/**
 * Lets a module act when a person confirms their address (an application sent with the account
 * goes to the network then) without the account module knowing that module.
 */
export function whenEmailVerified(listener: Listener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Runs every listener; one that fails is logged and does not undo the confirmation. */
export async function emailVerified(ctx: AppContext, user: UserRow): Promise<EmailVerifiedFollowUp> {
  const followUp: EmailVerifiedFollowUp = {};
  for (const listener of listeners) {
    try {
      Object.assign(followUp, await listener(ctx, user));
    } catch (err) {
      ctx.log.error({ err, userId: user.id }, 'follow-up of a confirmed address failed');
    }
  }
  return followUp;
}
