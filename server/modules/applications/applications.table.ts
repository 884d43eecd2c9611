import type { Selectable } from 'kysely';

export type ApplicationStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export interface ApplicationsTable {
  id: string;
  networkId: string;
  userId: string;
  motivation: string;
  experience: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  status: ApplicationStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionMessage: string | null;
  createdAt: string;
}
export type ApplicationRow = Selectable<ApplicationsTable>;
