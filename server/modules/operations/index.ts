/** Operations (issue 22): what platform admins need to run the platform, starting with the job queue. */
export { operationsRoutes } from './operations.routes.ts';
