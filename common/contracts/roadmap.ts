import { z } from 'zod';
import { MANUAL_STEP_IDS, NETWORK_PHASES, ROADMAP_STEP_IDS } from '../roadmap.ts';
import { IsoDate } from './mooc.ts';
import { PersonSummary, Slug } from './networks.ts';

export const NetworkPhaseCode = z.enum(NETWORK_PHASES);
export const RoadmapStepCode = z.enum(ROADMAP_STEP_IDS);

/**
 * One step of the checklist. Titles and help texts come translated into the caller's language
 * (the ids are stable for the web app). Auto steps carry `doneAt` (ISO time the platform saw it
 * happen); manual steps carry `doneOn` (the day the meta-mentor gave), a note and who ticked it.
 */
export const RoadmapStep = z.object({
  id: RoadmapStepCode,
  kind: z.enum(['auto', 'manual']),
  title: z.string(),
  help: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  tickedBy: PersonSummary.nullable(),
});
export type RoadmapStep = z.infer<typeof RoadmapStep>;

export const RoadmapPhase = z.object({
  id: NetworkPhaseCode,
  title: z.string(),
  summary: z.string(),
  current: z.boolean(),
  /** Every step of the phase is done. */
  complete: z.boolean(),
  steps: z.array(RoadmapStep),
});

export const Roadmap = z.object({
  phase: NetworkPhaseCode,
  phaseChangedAt: z.string().nullable(),
  /** The phase the guide suggests moving to (all steps of the current one are done), or null. */
  suggestedPhase: NetworkPhaseCode.nullable(),
  /**
   * Members counted as active: active members with a session seen in the last `days` days
   * (sessions' last_seen_at); the `members_active` step wants `target` of them.
   */
  activeMembers: z.object({ count: z.number(), days: z.number(), target: z.number() }),
  phases: z.array(RoadmapPhase),
});
export type Roadmap = z.infer<typeof Roadmap>;

export const RoadmapStepParams = z.strictObject({ slug: Slug, step: z.enum(MANUAL_STEP_IDS) });

/** Tick a manual step: the day it was done (not in the future) and an optional note. */
export const TickStepBody = z.strictObject({
  doneOn: IsoDate,
  note: z.string().trim().max(1000).default(''),
});
export type TickStepBody = z.infer<typeof TickStepBody>;

/** Move the network to the next phase (or back one, to correct a mistake). */
export const ChangePhaseBody = z.strictObject({ phase: NetworkPhaseCode });
export type ChangePhaseBody = z.infer<typeof ChangePhaseBody>;
