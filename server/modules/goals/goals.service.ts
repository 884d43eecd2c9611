import type {
  CreateGoalBody,
  CreateGoalUpdateBody,
  Goal,
  GoalDetail,
  GoalList,
  GoalSummary,
  UpdateGoalBody,
} from '../../../common/contracts/goals.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import {
  findNetworkGoal,
  type GoalListRow,
  insertGoal,
  insertGoalUpdate,
  listGoalUpdates,
  listNetworkGoals,
  updateGoal,
} from './goals.repository.ts';

/** Share of the way from start (0 when not given) to target, 0–100; null without a target. */
export function progressPercent(start: number | null, target: number | null, current: number | null) {
  if (target === null) return null;
  const from = start ?? 0;
  if (target === from) return null;
  const share = ((current ?? from) - from) / (target - from);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

function presentGoal(row: GoalListRow): Goal {
  const currentValue = row.latestValue ?? row.startValue;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    unit: row.unit,
    startValue: row.startValue,
    targetValue: row.targetValue,
    dueOn: row.dueOn,
    currentValue,
    percent: progressPercent(row.startValue, row.targetValue, currentValue),
    updateCount: row.updateCount,
    lastUpdateAt: row.lastUpdateAt,
    archived: row.archivedAt !== null,
    createdBy: row.createdBy ? { id: row.createdBy, displayName: row.creatorName ?? '' } : null,
    createdAt: row.createdAt,
  };
}

async function loadGoal(ctx: AppContext, network: NetworkRow, goalId: string): Promise<GoalListRow> {
  const row = await findNetworkGoal(ctx.database.db, network.id, goalId);
  if (!row) throw notFound();
  return row;
}

/** The network's open (or archived) goals with progress. */
export async function listGoals(ctx: AppContext, network: NetworkRow, archived: boolean): Promise<GoalList> {
  return { goals: (await listNetworkGoals(ctx.database.db, network.id, archived)).map(presentGoal) };
}

/** Progress at a glance: open goals with their percent, and the mean over those with a target. */
export async function summariseGoals(ctx: AppContext, network: NetworkRow): Promise<GoalSummary> {
  const goals = (await listNetworkGoals(ctx.database.db, network.id, false)).map(presentGoal);
  const measured = goals.map((g) => g.percent).filter((p): p is number => p !== null);
  return {
    goals: goals.map(({ id, title, unit, currentValue, targetValue, percent, dueOn }) => ({
      id,
      title,
      unit,
      currentValue,
      targetValue,
      percent,
      dueOn,
    })),
    averagePercent: measured.length
      ? Math.round(measured.reduce((a, b) => a + b, 0) / measured.length)
      : null,
  };
}

/** One goal with its history, oldest first. */
export async function getGoal(ctx: AppContext, network: NetworkRow, goalId: string): Promise<GoalDetail> {
  const row = await loadGoal(ctx, network, goalId);
  const updates = await listGoalUpdates(ctx.database.db, row.id);
  return {
    ...presentGoal(row),
    updates: updates.map((u) => ({
      id: u.id,
      value: u.value === null ? null : Number(u.value),
      comment: u.comment,
      author: u.authorId ? { id: u.authorId, displayName: u.authorName ?? '' } : null,
      createdAt: u.createdAt,
    })),
  };
}

/** Defines a goal. */
export async function createGoal(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  body: CreateGoalBody,
): Promise<GoalDetail> {
  const now = isoNow();
  const id = newId();
  await insertGoal(ctx.database.db, {
    id,
    networkId: network.id,
    title: body.title,
    description: body.description,
    unit: body.unit ?? null,
    startValue: body.startValue ?? null,
    targetValue: body.targetValue ?? null,
    dueOn: body.dueOn ?? null,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
  });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: actor.id,
    action: 'goal.created',
    details: { goalId: id, title: body.title },
  });
  return getGoal(ctx, network, id);
}

/** Edits a goal, archives it or brings it back. */
export async function editGoal(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  goalId: string,
  body: UpdateGoalBody,
): Promise<GoalDetail> {
  const row = await loadGoal(ctx, network, goalId);
  const { archived, ...fields } = body;
  const startValue = fields.startValue === undefined ? row.startValue : fields.startValue;
  const targetValue = fields.targetValue === undefined ? row.targetValue : fields.targetValue;
  if (startValue !== null && targetValue !== null && startValue === targetValue) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['targetValue'], code: 'custom', message: 'Target must differ from the start' },
    ]);
  }
  const now = isoNow();
  await updateGoal(ctx.database.db, row.id, {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(archived !== undefined && { archivedAt: archived ? (row.archivedAt ?? now) : null }),
    updatedAt: now,
  });
  if (archived !== undefined && archived !== (row.archivedAt !== null)) {
    await recordAudit(ctx, {
      networkId: network.id,
      actorId: actor.id,
      action: archived ? 'goal.archived' : 'goal.restored',
      details: { goalId: row.id },
    });
  }
  return getGoal(ctx, network, row.id);
}

/** Posts a progress update to an open goal. */
export async function postGoalUpdate(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  goalId: string,
  body: CreateGoalUpdateBody,
): Promise<GoalDetail> {
  const row = await loadGoal(ctx, network, goalId);
  if (row.archivedAt) throw new AppError('GOAL_ARCHIVED', 409);
  await insertGoalUpdate(ctx.database.db, {
    id: newId(),
    goalId: row.id,
    networkId: network.id,
    authorId: author.id,
    value: body.value ?? null,
    comment: body.comment,
    createdAt: isoNow(),
  });
  return getGoal(ctx, network, row.id);
}
