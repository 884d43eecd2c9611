/** Invitations by e-mail or link: issuing, listing, revoking, previewing, and claiming one to join. */
export { assertInvitationOpen, claimInvitation, findInvitationBySecret } from './invitation-claim.service.ts';
export type { NewInvitation } from './invitations.presenter.ts';
export { invitationRoutes } from './invitations.routes.ts';
export { createInvitation, type InvitationOptions } from './invitations.service.ts';
export type { InvitationRow } from './invitations.table.ts';
