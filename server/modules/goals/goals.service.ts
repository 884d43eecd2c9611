import type {
  CreateGoalBody,
  CreateGoalUpdateBody,
  UpdateGoalBody,
} from '../../../common/contracts/goals.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import type { GoalUpdateWithAuthor } from './goals.presenter.ts';
import {
  findNetworkGoal,
  insertGoal,
  insertGoalUpdate,
  listGoalUpdates,
  listNetworkGoals,
  updateGoal,
} from './goals.repository.ts';
import type { GoalListRow } from './goals.table.ts';

/** A goal with its progress history, oldest first. */
export interface GoalWithUpdates {
  goal: GoalListRow;
  updates: GoalUpdateWithAuthor[];
}

async function loadGoal(ctx: AppContext, network: NetworkRow, goalId: string): Promise<GoalListRow> {
  const row = await findNetworkGoal(ctx.database.db, network.id, goalId);
  if (!row) throw notFound();
  return row;
}

/** The network's open (or archived) goals with progress, oldest first. */
export function listGoals(ctx: AppContext, network: NetworkRow, archived: boolean): Promise<GoalListRow[]> {
  return listNetworkGoals(ctx.database.db, network.id, archived);
}

/** One goal of the network with its history; 404 when there is none. */
export async function getGoal(
  ctx: AppContext,
  network: NetworkRow,
  goalId: string,
): Promise<GoalWithUpdates> {
  const goal = await loadGoal(ctx, network, goalId);
  return { goal, updates: await listGoalUpdates(ctx.database.db, goal.id) };
}

/** Defines a goal. */
export async function createGoal(
  ctx: AppContext,
  network: NetworkRow,
  actor: UserRow,
  body: CreateGoalBody,
): Promise<GoalWithUpdates> {
  const now = isoNow();
  const id = newId();
  await withTransaction(ctx, async (tx) => {
    await insertGoal(tx.database.db, {
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
    await recordAudit(tx, {
      networkId: network.id,
      actorId: actor.id,
      action: 'goal.created',
      details: { goalId: id, title: body.title },
    });
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
): Promise<GoalWithUpdates> {
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
  await withTransaction(ctx, async (tx) => {
    await updateGoal(tx.database.db, row.id, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(archived !== undefined && { archivedAt: archived ? (row.archivedAt ?? now) : null }),
      updatedAt: now,
    });
    if (archived !== undefined && archived !== (row.archivedAt !== null)) {
      await recordAudit(tx, {
        networkId: network.id,
        actorId: actor.id,
        action: archived ? 'goal.archived' : 'goal.restored',
        details: { goalId: row.id },
      });
    }
  });
  return getGoal(ctx, network, row.id);
}

/** Posts a progress update to an open goal. */
export async function postGoalUpdate(
  ctx: AppContext,
  network: NetworkRow,
  author: UserRow,
  goalId: string,
  body: CreateGoalUpdateBody,
): Promise<GoalWithUpdates> {
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
