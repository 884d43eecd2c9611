import type { Organisation } from '../../../common/contracts/networks.ts';
import type { OrganisationAdminEntry } from './organisations.repository.ts';
import type { OrganisationRow } from './organisations.table.ts';

/** An organisation's profile as the API shows it, with whether the caller administers it. */
export function presentOrganisation(row: OrganisationRow, isAdmin: boolean): Organisation {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as Organisation['kind'],
    country: row.country,
    city: row.city,
    languages: JSON.parse(row.languages) as string[],
    services: JSON.parse(row.services) as string[],
    website: row.website,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    description: row.description,
    verified: row.verifiedAt !== null,
    createdAt: row.createdAt,
    isAdmin,
  };
}

/** The admins of an organisation, oldest first, as its admins see them. */
export function presentOrganisationAdmins(rows: OrganisationAdminEntry[]) {
  return { admins: rows.map((r) => ({ id: r.id, displayName: r.displayName, email: r.email })) };
}
