export { insertGoal, insertGoalUpdate } from './goals.repository.ts';
export { goalRoutes } from './goals.routes.ts';
export type { GoalRow } from './goals.table.ts';
