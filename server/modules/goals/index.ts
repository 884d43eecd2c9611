/** Goals of a network: what it works towards, with measurable progress reported by its members. */
export { goalRoutes } from './goals.routes.ts';
export type { GoalRow, GoalUpdateRow } from './goals.table.ts';
