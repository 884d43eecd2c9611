/**
 * Help requests (C4): a mentor asks the network for support; case consultations are help requests
 * about a mentee's situation. Plain constants, so the web app uses them without zod; the schemas are
 * in contracts/help-requests.ts, the rules in policies/help-requests.ts.
 */

/**
 * Where a request stands.
 * - open: asked, nobody has answered yet (offers alone do not answer it)
 * - answered: at least one response from someone other than the requester
 * - resolved: the requester or a meta-mentor said it is settled (it can be reopened)
 */
export const HELP_REQUEST_STATUSES = ['open', 'answered', 'resolved'] as const;
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];

/** A question of the mentor's own, or a case consultation about a mentee (privacy-checked, members only). */
export const HELP_REQUEST_KINDS = ['question', 'case'] as const;
export type HelpRequestKind = (typeof HELP_REQUEST_KINDS)[number];

/** How soon help is needed: this week, soon, whenever. */
export const HELP_URGENCIES = ['this_week', 'soon', 'whenever'] as const;
export type HelpUrgency = (typeof HELP_URGENCIES)[number];

/**
 * Why a member is suggested as a helper, as codes the web app translates: shared expertise, shared
 * languages, the same region, said when they are available, an experienced mentor, has helped in
 * this network before, and always how many open offers they have now (their load; three or more
 * rank them far down).
 */
export const HELPER_REASON_CODES = [
  'shared_expertise',
  'shared_languages',
  'same_region',
  'available',
  'experienced',
  'helped_before',
  'open_offers',
] as const;
export type HelperReasonCode = (typeof HELPER_REASON_CODES)[number];

/** Suggested helpers per request at most; the best of them are notified when the request is posted. */
export const HELPER_SUGGESTIONS_MAX = 10;
export const HELPERS_NOTIFIED_MAX = 5;
/** Someone with this many open offers (on requests not resolved) drops to the end of the suggestions. */
export const HELPER_BUSY_OFFERS = 3;

/** Unanswered after this many hours (a network setting, this the default), a request escalates once. */
export const HELP_ESCALATION_HOURS_DEFAULT = 48;
export const HELP_ESCALATION_HOURS_MIN = 1;
export const HELP_ESCALATION_HOURS_MAX = 24 * 30;

export const HELP_TITLE_MAX = 160;
export const HELP_BODY_MAX = 20_000;
export const HELP_RESPONSE_MAX = 20_000;
export const HELP_THANKS_MAX = 500;
