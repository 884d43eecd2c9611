import type { Generated, Selectable } from 'kysely';
import type { NetworkPhase } from '../../../common/roadmap.ts';

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

/**
 * The roadmap's own columns on the networks table (added by the network-phase migration): where a
 * network stands in the roadmap guide. Only this module reads and changes them; the typed schema
 * joins them to the networks module's columns.
 */
export interface NetworkPhaseColumns {
  /** Defaults to 'initiation'. */
  phase: Generated<NetworkPhase>;
  phaseChangedAt: string | null;
}
