import type { Selectable } from 'kysely';

export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  country: string;
  city: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  /** JSON array of expertise areas (services offered). */
  services: string;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  description: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type OrganisationRow = Selectable<OrganisationsTable>;

export interface OrganisationAdminsTable {
  organisationId: string;
  userId: string;
  createdAt: string;
}
