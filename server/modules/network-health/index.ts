/**
 * Network health (D1): daily roll-ups of each network's activity kept by the job queue, and the
 * dashboard read from them — weekly series, early warnings with suggested actions, drifting members.
 */
export { networkHealthRoutes } from './network-health.routes.ts';
export { ROLLUP_JOB, rollUpDay, rollUpDue } from './rollup.service.ts';
