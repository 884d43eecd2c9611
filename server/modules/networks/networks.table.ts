import type { Selectable } from 'kysely';
import type { MentorLevel, NetworkRole, Visibility } from '../../../common/permissions.ts';

export interface NetworksTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  region: string;
  /** JSON array of ISO 639-1 codes; the first is the network's main language. */
  languages: string;
  visibility: Visibility;
  organisationId: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** 1 when mentors, not only the meta-mentor and office, may create events. */
  membersCreateEvents: number;
}
export type NetworkRow = Selectable<NetworksTable>;

export interface NetworkOrganisationsTable {
  networkId: string;
  organisationId: string;
  addedBy: string | null;
  createdAt: string;
}

export type MembershipStatus = 'active' | 'left' | 'removed';

export interface MembershipsTable {
  id: string;
  networkId: string;
  userId: string;
  role: NetworkRole;
  level: MentorLevel | null;
  status: MembershipStatus;
  joinedAt: string;
  endedAt: string | null;
  endReason: string | null;
  /** Suspended from the network by a moderator until this time (cannot post or message there). */
  suspendedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}
export type MembershipRow = Selectable<MembershipsTable>;
