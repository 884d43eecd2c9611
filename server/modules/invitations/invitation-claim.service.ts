import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { invitationStatus } from './invitations.presenter.ts';
import { findInvitationByTokenHash, markInvitationUsed } from './invitations.repository.ts';
import type { InvitationRow } from './invitations.table.ts';

/**
 * Using an invitation: finding it by the secret in its link, checking that it is still open, and
 * marking it used by an account (the members module turns that into a membership).
 */

/** The invitation behind a link's secret; INVITATION_INVALID when there is none. */
export async function findInvitationBySecret(ctx: AppContext, secret: string): Promise<InvitationRow> {
  const invitation = await findInvitationByTokenHash(ctx.database.db, hashSecret(secret));
  if (!invitation) throw new AppError('INVITATION_INVALID', 404);
  return invitation;
}

/** Throws the error that says why an invitation cannot be used any more. */
export function assertInvitationOpen(row: InvitationRow): void {
  switch (invitationStatus(row)) {
    case 'revoked':
      throw new AppError('INVITATION_REVOKED', 410);
    case 'accepted':
      throw new AppError('INVITATION_USED', 409);
    case 'expired':
      throw new AppError('INVITATION_EXPIRED', 410);
    case 'pending':
      return;
  }
}

/**
 * Marks the invitation used by the account, unless someone was faster: then the error says what
 * happened to it meanwhile (used, revoked, expired). Run it in the transaction of the joining.
 */
export async function claimInvitation(
  ctx: AppContext,
  invitation: InvitationRow,
  userId: string,
): Promise<void> {
  const db = ctx.database.db;
  if (await markInvitationUsed(db, invitation, userId, isoNow())) return;
  const current = await findInvitationByTokenHash(db, invitation.tokenHash);
  if (current) assertInvitationOpen(current);
  throw new AppError('INVITATION_USED', 409);
}
