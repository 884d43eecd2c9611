/**
 * Partner networks (E2): partnerships between networks, organisations' requests to join a
 * network, and which partners' shared items a network shows.
 */
export { partnershipRoutes } from './partnerships.routes.ts';
export { getPublicPartnerIds, getSharingPartnerIds } from './partnerships.service.ts';
