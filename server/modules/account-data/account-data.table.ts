import type { Selectable } from 'kysely';

/** An export of everything about one person, built by a job and kept for a week. */
export interface DataExportsTable {
  id: string;
  userId: string;
  /** pending → ready (or failed). */
  status: string;
  storageKey: string | null;
  size: number | null;
  requestedAt: string;
  readyAt: string | null;
  expiresAt: string | null;
}
export type DataExportRow = Selectable<DataExportsTable>;
