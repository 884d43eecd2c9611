/**
 * The resource rules of help requests (C4). The role × action table (permissions.ts) lets members
 * who accepted the agreement see requests (`help.view`), ask (`help.ask`) and help (`help.respond`),
 * and the meta-mentor moderate (`help.moderate`); these functions decide per request. Used by the
 * server and the web app.
 */
import type { HelpRequestStatus } from '../help-requests.ts';
import { canInNetwork, type NetworkActor, type Visibility } from '../permissions.ts';

/** Who looks at a request: their id, whether they may help, whether they moderate requests. */
export interface HelpViewer {
  userId: string;
  /** May respond and offer (`help.respond`). */
  helps: boolean;
  /** May resolve and reopen anyone's request (`help.moderate`: the meta-mentor). */
  moderates: boolean;
}

/** The facts of a request the rules need. */
export interface HelpRequestFacts {
  requesterId: string | null;
  status: HelpRequestStatus;
}

/** A network's caller as a help viewer. */
export function helpViewerOf(actor: NetworkActor, visibility: Visibility, userId: string): HelpViewer {
  return {
    userId,
    helps: canInNetwork(actor, 'help.respond', visibility),
    moderates: canInNetwork(actor, 'help.moderate', visibility),
  };
}

export function isRequester(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return request.requesterId !== null && request.requesterId === viewer.userId;
}

/**
 * Only the requester edits their request (their words, their case), and only while it is not
 * resolved. The meta-mentor moderates by resolving, reopening or removing, never by rewriting.
 */
export function canEditHelpRequest(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return isRequester(viewer, request) && request.status !== 'resolved';
}

/** Anyone who may help responds while the request is not resolved (the requester too: to add to it). */
export function canRespondToHelpRequest(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return viewer.helps && request.status !== 'resolved';
}

/** "I can help" (or taking it back): someone other than the requester, while it is not resolved. */
export function canOfferHelp(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return viewer.helps && !isRequester(viewer, request) && request.status !== 'resolved';
}

/** The requester or the meta-mentor says it is settled. */
export function canResolveHelpRequest(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return (isRequester(viewer, request) || viewer.moderates) && request.status !== 'resolved';
}

/** The requester or the meta-mentor opens a resolved request again. */
export function canReopenHelpRequest(viewer: HelpViewer, request: HelpRequestFacts): boolean {
  return (isRequester(viewer, request) || viewer.moderates) && request.status === 'resolved';
}

/** The meta-mentor removes a request (e.g. a case consultation that names someone). */
export function canRemoveHelpRequest(viewer: HelpViewer): boolean {
  return viewer.moderates;
}

/**
 * The status a request returns to when reopened (or keeps with a new response): answered once
 * someone other than the requester responded, else open.
 */
export function statusWithoutResolution(firstResponseAt: string | null): HelpRequestStatus {
  return firstResponseAt ? 'answered' : 'open';
}

/** Whether a response by this author answers the request (the requester's own additions do not). */
export function answersRequest(authorId: string, request: HelpRequestFacts): boolean {
  return request.requesterId !== authorId;
}

/**
 * Whether a member on leave until that day (YYYY-MM-DD, inclusive) is still on leave today
 * (YYYY-MM-DD): they are then not suggested as helper or buddy.
 */
export function isOnLeave(leaveUntil: string | null | undefined, today: string): boolean {
  return Boolean(leaveUntil) && (leaveUntil as string) >= today;
}
