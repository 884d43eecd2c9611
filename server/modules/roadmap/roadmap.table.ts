import type { Selectable } from 'kysely';

export interface RoadmapTicksTable {
  networkId: string;
  /** A manual step id from common/roadmap.ts. */
  step: string;
  /** YYYY-MM-DD, the day it was done. */
  doneOn: string;
  note: string;
  tickedBy: string | null;
  tickedAt: string;
}
export type RoadmapTickRow = Selectable<RoadmapTicksTable>;
