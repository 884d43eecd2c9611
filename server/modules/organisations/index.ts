/** Organisations: their profiles and admins, and the networks they found and join. */

export { networkLinkRoutes } from './network-links.routes.ts';
export { organisationRoutes } from './organisations.routes.ts';
export { loadOrganisation, type OrganisationAccess } from './organisations.service.ts';
export type { OrganisationRow } from './organisations.table.ts';
