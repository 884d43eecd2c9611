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

/** An application sent with a new account, waiting for the address to be confirmed. */
export interface ApplicationDraftsTable {
  userId: string;
  networkId: string;
  motivation: string;
  experience: string;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  createdAt: string;
}
export type ApplicationDraftRow = Selectable<ApplicationDraftsTable>;
