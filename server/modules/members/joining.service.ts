import type { AcceptedInvitation, AcceptInvitationBody } from '../../../common/contracts/invitations.ts';
import type { AcceptLegalBody } from '../../../common/contracts/legal.ts';
import { canUseInvitation } from '../../../common/policies/invitations.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { type RequestMeta, startSession } from '../../platform/sessions/index.ts';
import { assertStrongPassword, hashPassword, RATE_RULES, resendVerification } from '../auth/index.ts';
import {
  assertInvitationOpen,
  claimInvitation,
  findInvitationBySecret,
  type InvitationRow,
} from '../invitations/index.ts';
import { assertSignUpAcceptance, recordSignUpAcceptance } from '../legal/index.ts';
import { markGraduateJoined } from '../mooc/index.ts';
import { findNetworkById, publishMembershipChanged } from '../networks/index.ts';
import { createUser, findUserByEmail, type UserRow, updateUser } from '../users/index.ts';
import { admitMember } from './members.service.ts';

export interface AcceptResult extends AcceptedInvitation {
  /** Session token when accepting created the account and signed it in. */
  sessionToken?: string;
}

/**
 * The account to create for a signed-out caller. Without any details they are asked to sign in;
 * with some, the missing ones are reported like any other invalid field.
 */
function newAccountFrom(invitation: InvitationRow, body: AcceptInvitationBody) {
  if (!body || Object.values(body).every((v) => v === undefined)) throw unauthenticated();
  const { acceptedLegal } = body;
  const fields = { ...body, email: invitation.email ?? body.email };
  const { displayName, password, locale, email } = fields;
  if (displayName && password && locale && email)
    return { displayName, password, locale, email, acceptedLegal };
  const missing = (['displayName', 'password', 'locale', 'email'] as const).filter((key) => !fields[key]);
  throw new AppError(
    'VALIDATION_FAILED',
    400,
    missing.map((key) => ({ path: [key], code: 'required', message: 'required' })),
  );
}

/**
 * Uses the invitation and adds the member in one transaction, creating the account first when
 * given one: a failure anywhere (address taken, invitation used meanwhile, already a member)
 * leaves nothing behind. The member's sockets hear of it once it is committed.
 */
async function join(
  ctx: AppContext,
  invitation: InvitationRow,
  user: UserRow,
  newAccount: { acceptedLegal: AcceptLegalBody | undefined } | null,
) {
  const network = await findNetworkById(ctx, invitation.networkId);
  if (!network) throw new AppError('INVITATION_INVALID', 404);
  await withTransaction(ctx, async (tx) => {
    if (newAccount) {
      if (!(await createUser(tx, user))) throw new AppError('EMAIL_TAKEN', 409, { field: 'email' });
      await recordSignUpAcceptance(tx, user.id, newAccount.acceptedLegal);
    }
    await claimInvitation(tx, invitation, user.id);
    // The e-mail invitation reached this address, so it is proven.
    if (!newAccount && invitation.kind === 'email' && !user.emailVerifiedAt) {
      await updateUser(tx, user.id, { emailVerifiedAt: isoNow(), updatedAt: isoNow() });
    }
    await admitMember(tx, {
      network,
      userId: user.id,
      role: invitation.role,
      level: invitation.level,
      // The member who accepts acts (they joined); the inviter is named in the details.
      actorId: user.id,
      via: 'invitation',
      details: { invitationId: invitation.id, invitedBy: invitation.invitedBy },
    });
    if (invitation.moocGraduateId) await markGraduateJoined(tx, invitation.moocGraduateId, user.id);
  });
  await publishMembershipChanged(ctx, network.id, user.id);
  return network;
}

/**
 * Accepts an invitation. Signed in, the account joins (an e-mail invitation only for the invited
 * address). Signed out, the account is created from the body and signed in: verified for an
 * e-mail invitation, unverified with the usual verification mail for a link.
 */
export async function acceptInvitation(
  ctx: AppContext,
  secret: string,
  signedIn: UserRow | null,
  body: AcceptInvitationBody,
  meta: RequestMeta,
): Promise<AcceptResult> {
  const invitation = await findInvitationBySecret(ctx, secret);
  assertInvitationOpen(invitation);
  const outcome = { role: invitation.role, level: invitation.level };

  if (signedIn) {
    if (!canUseInvitation(invitation, signedIn)) throw new AppError('INVITATION_WRONG_ACCOUNT', 403);
    const network = await join(ctx, invitation, signedIn, null);
    return { ...outcome, network: { slug: network.slug, name: network.name }, accountCreated: false };
  }

  const account = newAccountFrom(invitation, body);
  const { email } = account;
  await ctx.rateLimiter.hit(`register:ip:${meta.ip}`, RATE_RULES.registerPerIp);
  if (await findUserByEmail(ctx, email)) throw new AppError('EMAIL_TAKEN', 409, { field: 'email' });
  assertStrongPassword(account.password, email);
  // Like signing up: the versions shown must be the current ones (409 DOCUMENT_CHANGED otherwise).
  await assertSignUpAcceptance(ctx, account.acceptedLegal);
  const now = isoNow();
  const user: UserRow = {
    id: newId(),
    email,
    emailVerifiedAt: invitation.kind === 'email' ? now : null,
    passwordHash: await hashPassword(account.password, ctx.config.passwordCost),
    displayName: account.displayName,
    locale: account.locale,
    isPlatformAdmin: 0,
    suspendedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const network = await join(ctx, invitation, user, { acceptedLegal: account.acceptedLegal });
  if (!user.emailVerifiedAt) await resendVerification(ctx, user);
  const { token } = await startSession(ctx, user.id, meta);
  return {
    ...outcome,
    network: { slug: network.slug, name: network.name },
    accountCreated: true,
    sessionToken: token,
  };
}
