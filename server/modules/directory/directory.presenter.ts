import type { DirectoryClaim, DirectoryEntry } from '../../../common/contracts/directory.ts';
import { distanceKm } from '../../../common/directory.ts';
import type { DirectoryClaimListRow, DirectoryEntryListRow } from './directory.repository.ts';
import type { Near } from './directory-search.repository.ts';

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : value);

/** An entry as the public API shows it; the distance when a location was asked about. */
export function presentEntry(row: DirectoryEntryListRow, near?: Near): DirectoryEntry {
  const located = row.latitude !== null && row.longitude !== null;
  return {
    id: row.id,
    source: row.source,
    name: row.name,
    kind: row.kind,
    services: JSON.parse(row.services) as string[],
    languages: JSON.parse(row.languages) as string[],
    country: row.country,
    city: row.city,
    region: row.region,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    email: row.email,
    phone: row.phone,
    website: row.website,
    openingHours: row.openingHours,
    description: row.description,
    lastCheckedOn: row.lastCheckedOn,
    organisation:
      row.organisationSlug && row.organisationName
        ? { slug: row.organisationSlug, name: row.organisationName }
        : null,
    network: row.networkSlug && row.networkName ? { slug: row.networkSlug, name: row.networkName } : null,
    distanceKm:
      near && located
        ? Math.round(distanceKm(near.lat, near.lng, row.latitude as number, row.longitude as number) * 10) /
          10
        : null,
    updatedAt: iso(row.updatedAt),
  };
}

export function presentClaim(row: DirectoryClaimListRow): DirectoryClaim {
  return {
    id: row.id,
    entryId: row.entryId,
    entryName: row.entryName,
    organisation: { slug: row.organisationSlug, name: row.organisationName },
    status: row.status,
    createdAt: iso(row.createdAt),
    decidedAt: row.decidedAt === null ? null : iso(row.decidedAt),
  };
}
