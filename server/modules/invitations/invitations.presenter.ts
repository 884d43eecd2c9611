import type {
  CreatedInvitation,
  Invitation,
  InvitationList,
  InvitationPreview,
  InvitationStatus,
} from '../../../common/contracts/invitations.ts';
import { isoNow } from '../../lib/time.ts';
import type { InvitationRow } from './invitations.table.ts';

/** Where an invitation stands; link invitations stay pending through their uses. */
export function invitationStatus(row: InvitationRow, now = isoNow()): InvitationStatus {
  if (row.revokedAt) return 'revoked';
  if (row.kind === 'email' && row.acceptedAt) return 'accepted';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

/** An invitation as the network's staff see it (never with its secret). */
export function presentInvitation(row: InvitationRow, inviterName: string | null): Invitation {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    level: row.level,
    status: invitationStatus(row),
    invitedBy: row.invitedBy ? { id: row.invitedBy, displayName: inviterName ?? '' } : null,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    uses: row.uses,
    createdAt: row.createdAt,
  };
}

/** A new invitation, as createInvitation made it. */
export interface NewInvitation {
  row: InvitationRow;
  inviterName: string;
  /** The link with the secret: for link invitations only (e-mail invitations mail it). */
  url: string | null;
}

/** The answer to creating an invitation: the link only for link invitations, the one time it is shown. */
export function presentCreatedInvitation({ row, inviterName, url }: NewInvitation): CreatedInvitation {
  const invitation = presentInvitation(row, inviterName);
  return url === null ? { invitation } : { invitation, url };
}

/** A page of invitations with their inviters' names. */
export function presentInvitationList(page: {
  rows: (InvitationRow & { inviterName: string | null })[];
  nextCursor: string | null;
}): InvitationList {
  return {
    invitations: page.rows.map((r) => presentInvitation(r, r.inviterName)),
    nextCursor: page.nextCursor,
  };
}

/** What the holder of an invitation link sees before accepting. */
export function presentInvitationPreview(
  row: InvitationRow & { networkSlug: string; networkName: string; inviterName: string | null },
  accountExists: boolean | null,
): InvitationPreview {
  const status = invitationStatus(row);
  return {
    network: { slug: row.networkSlug, name: row.networkName },
    role: row.role,
    level: row.level,
    inviterName: row.inviterName,
    kind: row.kind,
    email: row.email,
    status: status === 'pending' ? 'valid' : status === 'accepted' ? 'used' : status,
    accountExists,
    expiresAt: row.expiresAt,
  };
}
