import type { Generated, Selectable } from 'kysely';
import type { DirectoryKind, DirectorySource } from '../../../common/directory.ts';

export interface DirectoryEntriesTable {
  id: string;
  source: DirectorySource;
  name: string;
  kind: DirectoryKind;
  /** JSON array of service codes. */
  services: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  country: string;
  city: string;
  region: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  openingHours: string;
  description: string;
  lastCheckedOn: string | null;
  organisationId: string | null;
  networkId: string | null;
  sortName: string;
  searchText: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type DirectoryEntryRow = Selectable<DirectoryEntriesTable>;

/** One filter value of an entry: `s:<service>`, `l:<language>`, `c:<country>`, `k:<kind>`, `p:<place>`. */
export interface DirectoryTagsTable {
  tag: string;
  /** The entry's sort key, so that a tag's entries can be walked in name order. */
  sortName: string;
  entryId: string;
}

export interface DirectoryClaimsTable {
  id: string;
  entryId: string;
  organisationId: string;
  requestedBy: string | null;
  status: 'pending' | 'approved' | 'declined';
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}
export type DirectoryClaimRow = Selectable<DirectoryClaimsTable>;

/**
 * The organisation's choice to appear in the public directory (0 or 1), and where it is (both
 * coordinates or neither) so that its entry shows on the map.
 */
export interface DirectoryOrganisationColumns {
  listedInDirectory: Generated<number>;
  latitude: Generated<number | null>;
  longitude: Generated<number | null>;
}
