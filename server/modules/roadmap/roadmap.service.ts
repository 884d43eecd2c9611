import type {
  ChangePhaseBody,
  Roadmap,
  RoadmapStep,
  TickStepBody,
} from '../../../common/contracts/roadmap.ts';
import type { Locale } from '../../../common/locales.ts';
import {
  ACTIVE_DAYS,
  ACTIVE_MEMBERS_TARGET,
  NETWORK_PHASES,
  type NetworkPhase,
  ROADMAP_STEPS,
  type RoadmapStepId,
} from '../../../common/roadmap.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { DAY, isoIn, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  deleteTick,
  findAutoStepTimes,
  findNetworkPhase,
  listTicks,
  updateNetworkPhase,
  upsertTick,
} from './roadmap.repository.ts';
import { PHASE_TEXT, STEP_TEXT } from './roadmap.texts.ts';

type AutoStepId = Extract<(typeof ROADMAP_STEPS)[number], { kind: 'auto' }>['id'];

/** The network's checklist in the reader's language, with what is done and the suggested phase. */
export async function getRoadmap(ctx: AppContext, network: NetworkRow, locale: Locale): Promise<Roadmap> {
  const db = ctx.database.db;
  const [{ phase, phaseChangedAt }, ticks, auto] = await Promise.all([
    findNetworkPhase(db, network.id),
    listTicks(db, network.id),
    findAutoStepTimes(db, network, {
      activeSince: isoIn(-ACTIVE_DAYS * DAY),
      activeTarget: ACTIVE_MEMBERS_TARGET,
    }),
  ]);
  const autoDoneAt: Record<AutoStepId, string | null> = {
    mooc_session_recorded: auto.moocSession,
    first_graduates_joined: auto.graduateJoined,
    goals_defined: auto.goalDefined,
    meta_mentor_named: auto.metaMentor,
    agreement_adopted: auto.agreement,
    office_set_up: auto.office,
    experienced_mentor_joined: auto.experienced,
    members_active: auto.activeReachedAt,
    goal_progress_reported: auto.goalUpdate,
    second_organisation_joined: auto.secondOrganisation,
    another_mooc_session: auto.anotherMoocSession,
  };
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
    phaseChangedAt,
    suggestedPhase: next && phases[index]?.complete ? next : null,
    activeMembers: { count: auto.activeCount, days: ACTIVE_DAYS, target: ACTIVE_MEMBERS_TARGET },
    phases,
  };
}

/** Ticks a manual step with the day it was done (not in the future) and a note. */
export async function tickStep(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  step: RoadmapStepId,
  body: TickStepBody,
): Promise<void> {
  if (body.doneOn > isoNow().slice(0, 10)) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['doneOn'], code: 'too_big', message: 'The day lies in the future' },
    ]);
  }
  await upsertTick(ctx.database.db, {
    networkId: network.id,
    step,
    doneOn: body.doneOn,
    note: body.note,
    tickedBy: actor.id,
    tickedAt: isoNow(),
  });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'roadmap.step_ticked',
    details: { step, doneOn: body.doneOn },
  });
}

/** Unticks a manual step (harmless when it was not ticked). */
export async function untickStep(ctx: AppContext, network: NetworkRow, actor: UserRow, step: RoadmapStepId) {
  if (!(await deleteTick(ctx.database.db, network.id, step))) return;
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'roadmap.step_unticked',
    details: { step },
  });
}

/**
 * Moves the network to the next phase, or back one to correct a mistake; the guide only
 * suggests, so a meta-mentor may move on before every step is ticked.
 */
export async function changePhase(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  body: ChangePhaseBody,
): Promise<void> {
  const db = ctx.database.db;
  const { phase: from } = await findNetworkPhase(db, network.id);
  const distance = NETWORK_PHASES.indexOf(body.phase) - NETWORK_PHASES.indexOf(from);
  if (Math.abs(distance) !== 1) throw new AppError('PHASE_NOT_ADJACENT', 409, { phase: from });
  if (!(await updateNetworkPhase(db, network.id, from, body.phase as NetworkPhase, isoNow()))) {
    throw new AppError('PHASE_NOT_ADJACENT', 409, { phase: (await findNetworkPhase(db, network.id)).phase });
  }
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'network.phase_changed',
    details: { from, to: body.phase },
  });
}
