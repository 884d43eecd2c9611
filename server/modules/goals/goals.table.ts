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
