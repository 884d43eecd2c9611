export { findNetworkPhase, updateNetworkPhase, upsertTick } from './roadmap.repository.ts';
export { roadmapRoutes } from './roadmap.routes.ts';
