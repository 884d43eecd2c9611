import type { Network, NetworkSummary } from '../../../common/contracts/networks.ts';
import type { NetworkRole } from '../../../common/permissions.ts';
import type { NetworkAccess } from './network-access.ts';
import type { NetworkRow } from './networks.table.ts';

/** What the network page shows besides the network itself (read by getNetworkPage). */
export interface NetworkPageData {
  organisations: {
    id: string;
    slug: string;
    name: string;
    city: string;
    country: string;
    verifiedAt: string | null;
  }[];
  metaMentors: { userId: string; displayName: string }[];
  memberCount: number;
}

/** The network page as the caller may see it, with what they may do there. */
export function presentNetwork(
  access: NetworkAccess,
  data: NetworkPageData,
  permissions: Network['viewer']['permissions'],
): Network {
  const { network } = access;
  return {
    id: network.id,
    slug: network.slug,
    name: network.name,
    description: network.description,
    region: network.region,
    languages: JSON.parse(network.languages) as string[],
    visibility: network.visibility,
    createdAt: network.createdAt,
    organisations: data.organisations.map((o) => ({
      slug: o.slug,
      name: o.name,
      city: o.city,
      country: o.country,
      verified: o.verifiedAt !== null,
      founding: o.id === network.organisationId,
    })),
    metaMentors: data.metaMentors.map((m) => ({ id: m.userId, displayName: m.displayName })),
    memberCount: data.memberCount,
    membersCreateEvents: network.membersCreateEvents === 1,
    viewer: {
      role: access.actor.role,
      level: access.membership?.level ?? null,
      acceptedCurrent: access.actor.acceptedCurrent,
      orgAdmin: access.actor.orgAdmin,
      permissions,
    },
  };
}

/** One line of a network list. */
export function presentNetworkSummary(
  n: NetworkRow,
  role: NetworkRole | null,
  acceptedCurrent: boolean,
): NetworkSummary {
  return {
    slug: n.slug,
    name: n.name,
    region: n.region,
    languages: JSON.parse(n.languages) as string[],
    visibility: n.visibility,
    role,
    acceptedCurrent,
  };
}
