import type { Selectable } from 'kysely';

export interface NetworkOfficesTable {
  networkId: string;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  onlineOnly: number;
  officeHours: string;
  updatedBy: string | null;
  updatedAt: string;
}
export type NetworkOfficeRow = Selectable<NetworkOfficesTable>;
