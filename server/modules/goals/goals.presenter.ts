import type { Goal, GoalDetail, GoalList, GoalSummary } from '../../../common/contracts/goals.ts';
import type { GoalListRow, GoalUpdateRow } from './goals.table.ts';

/** A goal's progress updates with their authors' names. */
export type GoalUpdateWithAuthor = GoalUpdateRow & { authorName: string | null };

/** Share of the way from start (0 when not given) to target, 0–100; null without a target. */
export function progressPercent(start: number | null, target: number | null, current: number | null) {
  if (target === null) return null;
  const from = start ?? 0;
  if (target === from) return null;
  const share = ((current ?? from) - from) / (target - from);
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** A goal with its progress. */
export function presentGoal(row: GoalListRow): Goal {
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

/** The network's goals. */
export function presentGoalList(rows: GoalListRow[]): GoalList {
  return { goals: rows.map(presentGoal) };
}

/** Progress at a glance: the goals with their percent, and the mean over those with a target. */
export function presentGoalSummary(rows: GoalListRow[]): GoalSummary {
  const goals = rows.map(presentGoal);
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
export function presentGoalDetail({
  goal,
  updates,
}: {
  goal: GoalListRow;
  updates: GoalUpdateWithAuthor[];
}): GoalDetail {
  return {
    ...presentGoal(goal),
    updates: updates.map((u) => ({
      id: u.id,
      value: u.value === null ? null : Number(u.value),
      comment: u.comment,
      author: u.authorId ? { id: u.authorId, displayName: u.authorName ?? '' } : null,
      createdAt: u.createdAt,
    })),
  };
}
