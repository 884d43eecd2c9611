import type { Selectable } from 'kysely';

export interface GoalsTable {
  id: string;
  networkId: string;
  title: string;
  description: string;
  unit: string | null;
  startValue: number | null;
  targetValue: number | null;
  /** YYYY-MM-DD */
  dueOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}
export type GoalRow = Selectable<GoalsTable>;

/** A goal with its creator's name and its progress so far, as lists read it. */
export interface GoalListRow extends GoalRow {
  creatorName: string | null;
  updateCount: number;
  lastUpdateAt: string | null;
  /** The value of the latest update that gave one. */
  latestValue: number | null;
}

export interface GoalUpdatesTable {
  id: string;
  goalId: string;
  networkId: string;
  authorId: string | null;
  value: number | null;
  comment: string;
  createdAt: string;
}
export type GoalUpdateRow = Selectable<GoalUpdatesTable>;
