import type { Roadmap, RoadmapStep } from '../../../common/contracts/roadmap.ts';
import type { Locale } from '../../../common/locales.ts';
import {
  ACTIVE_DAYS,
  ACTIVE_MEMBERS_TARGET,
  NETWORK_PHASES,
  type NetworkPhase,
  ROADMAP_STEPS,
  type RoadmapStepId,
} from '../../../common/roadmap.ts';
import { translate } from '../../lib/i18n.ts';
import type { MeetingMilestone } from '../events/index.ts';
import type { RoadmapTickRow } from './roadmap.table.ts';
import { PHASE_TEXT, STEP_TEXT } from './roadmap.texts.ts';

/** The steps that tick themselves from what the data shows. */
export type AutoStepId = Extract<(typeof ROADMAP_STEPS)[number], { kind: 'auto' }>['id'];

/** What the roadmap of a network rests on, as getRoadmapFacts reads it. */
export interface RoadmapFacts {
  phase: NetworkPhase;
  phaseChangedAt: string | null;
  /** Manual ticks with the name of who ticked them. */
  ticks: (RoadmapTickRow & { tickerName: string | null })[];
  /** When each automatic step happened (null: not yet). */
  autoDoneAt: Record<AutoStepId, string | null>;
  /** Members seen within the last ACTIVE_DAYS days. */
  activeCount: number;
  /** The meeting steps reached through events with recorded attendance (a manual tick still counts). */
  meetings: Partial<Record<RoadmapStepId, MeetingMilestone | null>>;
}

/** The checklist in the reader's language, with what is done and the phase the guide suggests next. */
export function presentRoadmap(facts: RoadmapFacts, locale: Locale): Roadmap {
  const { phase, ticks, autoDoneAt } = facts;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const stepOf = (step: (typeof ROADMAP_STEPS)[number]): RoadmapStep => {
    const text = STEP_TEXT[step.id];
    const base = {
      id: step.id,
      kind: step.kind,
      title: t(text.title, { target: ACTIVE_MEMBERS_TARGET, days: ACTIVE_DAYS }),
      help: t(text.help, { target: ACTIVE_MEMBERS_TARGET, days: ACTIVE_DAYS }),
    };
    if (step.kind === 'auto') {
      const doneAt = autoDoneAt[step.id as AutoStepId];
      return { ...base, done: doneAt !== null, doneAt, doneOn: null, note: null, tickedBy: null };
    }
    const tick = ticks.find((row) => row.step === step.id);
    const meeting = facts.meetings[step.id];
    if (!tick && meeting)
      return {
        ...base,
        done: true,
        doneAt: meeting.recordedAt,
        doneOn: meeting.doneOn,
        note: null,
        tickedBy: null,
      };
    return {
      ...base,
      done: tick !== undefined,
      doneAt: tick?.tickedAt ?? null,
      doneOn: tick?.doneOn ?? null,
      note: tick?.note ?? null,
      tickedBy: tick?.tickedBy ? { id: tick.tickedBy, displayName: tick.tickerName ?? '' } : null,
    };
  };
  const phases = NETWORK_PHASES.map((id) => {
    const steps = ROADMAP_STEPS.filter((s) => s.phase === id).map(stepOf);
    return {
      id,
      title: t(PHASE_TEXT[id].title),
      summary: t(PHASE_TEXT[id].summary),
      current: id === phase,
      complete: steps.every((s) => s.done),
      steps,
    };
  });
  const index = NETWORK_PHASES.indexOf(phase);
  const next = NETWORK_PHASES[index + 1] ?? null;
  return {
    phase,
    phaseChangedAt: facts.phaseChangedAt,
    suggestedPhase: next && phases[index]?.complete ? next : null,
    activeMembers: { count: facts.activeCount, days: ACTIVE_DAYS, target: ACTIVE_MEMBERS_TARGET },
    phases,
  };
}
