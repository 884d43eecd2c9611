/**
 * The roadmap guide of the mentorNET strategy: four phases, each with a checklist. Steps the
 * platform can see tick themselves ('auto'); the others are ticked by a meta-mentor ('manual').
 * Titles and explanations are translated under `roadmap.phases.<phase>.*` and
 * `roadmap.steps.<step>.*` in every catalogue.
 */

export const NETWORK_PHASES = ['initiation', 'organisation', 'sustaining', 'growth'] as const;
export type NetworkPhase = (typeof NETWORK_PHASES)[number];

/** Members with a session seen in the last ACTIVE_DAYS days count as active. */
export const ACTIVE_DAYS = 30;
/** How many active members the sustaining phase looks for. */
export const ACTIVE_MEMBERS_TARGET = 5;

export const ROADMAP_STEPS = [
  // Initiation: an organisation runs a MOOC session; graduates form the network around defined goals.
  { id: 'mooc_session_recorded', phase: 'initiation', kind: 'auto' },
  { id: 'first_graduates_joined', phase: 'initiation', kind: 'auto' },
  { id: 'goals_defined', phase: 'initiation', kind: 'auto' },
  { id: 'kickoff_meeting_held', phase: 'initiation', kind: 'manual' },
  // Organisation: roles (above all the meta-mentor), communication rules, office, agreement.
  { id: 'meta_mentor_named', phase: 'organisation', kind: 'auto' },
  { id: 'agreement_adopted', phase: 'organisation', kind: 'auto' },
  { id: 'office_set_up', phase: 'organisation', kind: 'auto' },
  { id: 'experienced_mentor_joined', phase: 'organisation', kind: 'auto' },
  // Sustaining: regular communication, mutual support, work towards the goals, shared resources.
  { id: 'members_active', phase: 'sustaining', kind: 'auto' },
  { id: 'goal_progress_reported', phase: 'sustaining', kind: 'auto' },
  { id: 'exchange_meeting_held', phase: 'sustaining', kind: 'manual' },
  { id: 'shared_resources_started', phase: 'sustaining', kind: 'manual' },
  // Growth: going outside; other organisations run a MOOC session and join or found networks.
  { id: 'network_promoted', phase: 'growth', kind: 'manual' },
  { id: 'second_organisation_joined', phase: 'growth', kind: 'auto' },
  { id: 'another_mooc_session', phase: 'growth', kind: 'auto' },
] as const satisfies readonly { id: string; phase: NetworkPhase; kind: 'auto' | 'manual' }[];

export type RoadmapStepId = (typeof ROADMAP_STEPS)[number]['id'];
export const ROADMAP_STEP_IDS = ROADMAP_STEPS.map((s) => s.id) as [RoadmapStepId, ...RoadmapStepId[]];
export const MANUAL_STEP_IDS = ROADMAP_STEPS.filter((s) => s.kind === 'manual').map((s) => s.id) as [
  RoadmapStepId,
  ...RoadmapStepId[],
];

/** The phase after this one, or null in the last. */
export function nextPhase(phase: NetworkPhase): NetworkPhase | null {
  return NETWORK_PHASES[NETWORK_PHASES.indexOf(phase) + 1] ?? null;
}
