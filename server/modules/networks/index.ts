/**
 * Networks: the networks themselves, their memberships as data, and where each user stands in
 * them (the server half of the policy layer: every network route's access is resolved here).
 */

export {
  countActiveMembers,
  findMembership,
  listActiveMembers,
  saveMembership,
  setMembershipLeave,
  updateMembership,
} from './memberships.service.ts';
export {
  authorizeNetwork,
  getStandings,
  getStandingsOf,
  loadNetworkAccess,
  mayInNetwork,
  type NamedStanding,
  type NetworkAccess,
  type PreloadedStanding,
  permittedActions,
  requireUser,
  resolveSessionWithNetwork,
} from './network-access.ts';
export { publishMembershipChanged } from './networks.events.ts';
export { type NetworkPageData, presentNetwork, presentNetworkSummary } from './networks.presenter.ts';
export { networkRoutes } from './networks.routes.ts';
export { networkSharePageRoutes } from './share-page.routes.ts';
export {
  createNetwork,
  findNetworkById,
  findNetworkBySlug,
  getNetworkPage,
  getOrganisationNetworks,
  linkOrganisation,
  unlinkOrganisation,
} from './networks.service.ts';
export type { MembershipRow, MembershipStatus, NetworkRow } from './networks.table.ts';
