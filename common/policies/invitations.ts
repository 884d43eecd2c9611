/**
 * Rules for invitations beyond role × action: which role an inviter may hand out, and which account
 * may use an invitation.
 */
import { canInNetwork, type NetworkActor, type NetworkRole, type Visibility } from '../permissions.ts';
import { isMetaMentor } from './standing.ts';

/**
 * Staff who may manage invitations invite mentors and office staff; handing out the meta-mentor
 * role takes the right to change roles (meta-mentors, organisation and platform admins).
 */
export function canInviteAs(actor: NetworkActor, role: NetworkRole, visibility: Visibility): boolean {
  return !isMetaMentor({ role }) || canInNetwork(actor, 'members.change_role', visibility);
}

/** An invitation as far as the rule of who may use it goes. */
export interface InvitationAddressee {
  kind: 'email' | 'link';
  /** The invited address (e-mail invitations), null for a link. */
  email: string | null;
}

/** A link invitation is for whoever holds it; an e-mail invitation only for the invited address. */
export function canUseInvitation(invitation: InvitationAddressee, account: { email: string }): boolean {
  return invitation.kind !== 'email' || invitation.email === account.email;
}
