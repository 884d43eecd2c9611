import type { Selectable } from 'kysely';
import type { JoinRequestStatus, PartnershipStatus } from '../../../common/partnerships.ts';

/** A partnership between two networks: `networkId` asked, `partnerId` answers. */
export interface NetworkPartnershipsTable {
  id: string;
  networkId: string;
  partnerId: string;
  status: PartnershipStatus;
  requestedBy: string | null;
  decidedBy: string | null;
  endedBy: string | null;
  createdAt: string;
  decidedAt: string | null;
  endedAt: string | null;
}
export type PartnershipRow = Selectable<NetworkPartnershipsTable>;

/** An organisation's request to take part in a network, decided by the network's meta-mentor. */
export interface NetworkJoinRequestsTable {
  id: string;
  networkId: string;
  organisationId: string;
  status: JoinRequestStatus;
  message: string;
  requestedBy: string | null;
  decidedBy: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export type JoinRequestRow = Selectable<NetworkJoinRequestsTable>;
