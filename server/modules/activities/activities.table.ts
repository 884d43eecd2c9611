import type { Selectable } from 'kysely';
import type { ActivityKind } from '../../../common/activities.ts';

export interface ActivitiesTable {
  id: string;
  networkId: string;
  /** The author: the only one who ever reads the activity itself. */
  userId: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  durationMinutes: number;
  kind: ActivityKind;
  /** JSON array of expertise area codes. */
  topics: string;
  menteeCode: string;
  /** The note sealed by notes-cipher.ts; null when there is none. */
  noteSealed: string | null;
  privacyConfirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type ActivityRow = Selectable<ActivitiesTable>;

/** An activity with its network's slug and name, as the author's lists read it. */
export interface ActivityListRow extends ActivityRow {
  networkSlug: string;
  networkName: string;
}
