import type { Selectable } from 'kysely';
import type { NudgeKind, ProgressionDecision, ProgressionStep } from '../../../common/progression.ts';

export interface ProgressionDecisionsTable {
  networkId: string;
  userId: string;
  step: ProgressionStep;
  decision: ProgressionDecision;
  decidedBy: string | null;
  decidedAt: string;
}
export type ProgressionDecisionRow = Selectable<ProgressionDecisionsTable>;

export interface NetworkDeputiesTable {
  networkId: string;
  userId: string;
  namedBy: string | null;
  namedAt: string;
}

export interface NudgeLogTable {
  id: string;
  networkId: string;
  userId: string;
  kind: NudgeKind;
  /** JSON: what the nudge said (counts of what happened since, the one suggestion). */
  details: string;
  sentAt: string;
}
export type NudgeLogRow = Selectable<NudgeLogTable>;
