/** Platform settings (issue 21): what platform admins switch for the whole platform, starting with a required second factor. */
export { platformSettingsRoutes } from './platform-settings.routes.ts';
export { mustSetUpSecondFactor } from './platform-settings.service.ts';
