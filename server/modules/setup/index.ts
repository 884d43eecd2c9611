export { setupRoutes } from './setup.routes.ts';
export { createOrPromoteAdmin, needsSetup } from './setup.service.ts';
