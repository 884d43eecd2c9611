/**
 * Help requests (C4): mentors ask the network for support or a case consultation; others respond
 * or offer to help; suggested helpers are told, unanswered requests escalate once.
 */

export { runEscalations } from './escalation.service.ts';
export { handOverHelpRequests, openHelpRequestsOf } from './handover.service.ts';
export { helpRequestRoutes } from './help-requests.routes.ts';
export {
  createHelpRequest,
  forgetHelperRankings,
  type HelpActor,
  offerHelp,
  respondToHelpRequest,
} from './help-requests.service.ts';
export { listHelpersWanted } from './help-wanted.service.ts';
