import type { JoinRequest, Partnership } from '../../../common/contracts/partnerships.ts';
import type { JoinRequestListRow, PartnershipListRow } from './partnerships.repository.ts';

/** A partnership as the network `networkId` sees it: the other side and who asked. */
export function presentPartnership(row: PartnershipListRow, networkId: string): Partnership {
  const outgoing = row.networkId === networkId;
  return {
    id: row.id,
    partner: outgoing
      ? { slug: row.partnerSlug, name: row.partnerName, region: row.partnerRegion }
      : { slug: row.networkSlug, name: row.networkName, region: row.networkRegion },
    status: row.status,
    outgoing,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    endedAt: row.endedAt,
  };
}

/** An organisation's request to join a network. */
export function presentJoinRequest(row: JoinRequestListRow): JoinRequest {
  return {
    id: row.id,
    network: { slug: row.networkSlug, name: row.networkName, region: row.networkRegion },
    organisation: {
      slug: row.organisationSlug,
      name: row.organisationName,
      city: row.organisationCity,
      country: row.organisationCountry,
    },
    status: row.status,
    message: row.message,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}
