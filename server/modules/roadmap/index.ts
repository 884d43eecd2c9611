/** The roadmap guide: a network's phase, the checklist of each phase and the manual ticks. */
export { roadmapRoutes } from './roadmap.routes.ts';
export type { RoadmapTickRow } from './roadmap.table.ts';
