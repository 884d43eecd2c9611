import type { ChangePhaseBody, TickStepBody } from '../../../common/contracts/roadmap.ts';
import {
  ACTIVE_DAYS,
  ACTIVE_MEMBERS_TARGET,
  NETWORK_PHASES,
  type NetworkPhase,
  type RoadmapStepId,
} from '../../../common/roadmap.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { DAY, isoIn, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getMeetingMilestones } from '../events/index.ts';
import { listActiveMembers, type NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import type { RoadmapFacts } from './roadmap.presenter.ts';
import {
  deleteTick,
  findAutoStepTimes,
  findNetworkPhase,
  listTicks,
  updateNetworkPhase,
  upsertTick,
} from './roadmap.repository.ts';

/** What the network's roadmap rests on: its phase, the manual ticks and when each automatic step happened. */
export async function getRoadmapFacts(ctx: AppContext, network: NetworkRow): Promise<RoadmapFacts> {
  const db = ctx.database.db;
  const [{ phase, phaseChangedAt }, ticks, auto, [firstMetaMentor], meetings] = await Promise.all([
    findNetworkPhase(db, network.id),
    listTicks(db, network.id),
    findAutoStepTimes(db, network, {
      activeSince: isoIn(-ACTIVE_DAYS * DAY),
      activeTarget: ACTIVE_MEMBERS_TARGET,
    }),
    // Members by join time: the first meta-mentor's joining is when one was named.
    listActiveMembers(ctx, network.id, { role: 'meta_mentor', limit: 1 }),
    getMeetingMilestones(ctx, network.id),
  ]);
  return {
    phase,
    phaseChangedAt,
    ticks,
    autoDoneAt: {
      mooc_session_recorded: auto.moocSession,
      first_graduates_joined: auto.graduateJoined,
      goals_defined: auto.goalDefined,
      meta_mentor_named: firstMetaMentor?.joinedAt ?? null,
      agreement_adopted: auto.agreement,
      office_set_up: auto.office,
      experienced_mentor_joined: auto.experienced,
      members_active: auto.activeReachedAt,
      goal_progress_reported: auto.goalUpdate,
      second_organisation_joined: auto.secondOrganisation,
      another_mooc_session: auto.anotherMoocSession,
    },
    activeCount: auto.activeCount,
    meetings: { kickoff_meeting_held: meetings.kickoff, exchange_meeting_held: meetings.exchange },
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
  await withTransaction(ctx, async (tx) => {
    await upsertTick(tx.database.db, {
      networkId: network.id,
      step,
      doneOn: body.doneOn,
      note: body.note,
      tickedBy: actor.id,
      tickedAt: isoNow(),
    });
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'roadmap.step_ticked',
      details: { step, doneOn: body.doneOn },
    });
  });
}

/** Unticks a manual step (harmless when it was not ticked). */
export async function untickStep(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  step: RoadmapStepId,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    if (!(await deleteTick(tx.database.db, network.id, step))) return;
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'roadmap.step_unticked',
      details: { step },
    });
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
  const { phase: from } = await findNetworkPhase(ctx.database.db, network.id);
  const distance = NETWORK_PHASES.indexOf(body.phase) - NETWORK_PHASES.indexOf(from);
  if (Math.abs(distance) !== 1) throw new AppError('PHASE_NOT_ADJACENT', 409, { phase: from });
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    if (!(await updateNetworkPhase(db, network.id, from, body.phase as NetworkPhase, isoNow()))) {
      throw new AppError('PHASE_NOT_ADJACENT', 409, {
        phase: (await findNetworkPhase(db, network.id)).phase,
      });
    }
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'network.phase_changed',
      details: { from, to: body.phase },
    });
  });
}
