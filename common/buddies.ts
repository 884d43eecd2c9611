/**
 * Buddy pairing (B4): a beginner mentor paired with an experienced one. Plain constants, so the web
 * app uses them without zod; the schemas are in contracts/buddies.ts, the rules in policies/buddies.ts.
 */

/**
 * Where a pairing stands.
 * - requested: a beginner asked for a buddy; nobody is named yet (the meta-mentor or office proposes one)
 * - proposed: an experienced mentor is named and has not answered yet
 * - active: the experienced mentor accepted; the two are buddies
 * - declined: the experienced mentor said no
 * - withdrawn: the request or proposal was taken back before an answer
 * - ended: an active pairing ended (by either buddy or by the meta-mentor or office), with a note
 */
export const BUDDY_PAIR_STATUSES = [
  'requested',
  'proposed',
  'active',
  'declined',
  'withdrawn',
  'ended',
] as const;
export type BuddyPairStatus = (typeof BUDDY_PAIR_STATUSES)[number];

/** A beginner has at most one open pairing per network: a request, a proposal or an active pair. */
export const OPEN_BUDDY_STATUSES = ['requested', 'proposed', 'active'] as const satisfies BuddyPairStatus[];
/** Closed pairings are kept as history. */
export const CLOSED_BUDDY_STATUSES = ['declined', 'withdrawn', 'ended'] as const satisfies BuddyPairStatus[];

/**
 * Why a pairing was closed when no one closed it by hand: the beginner or the buddy is no longer a
 * member of the network (they left or were removed; which of the two is not told to the other).
 * Requests and proposals are withdrawn, active pairings end.
 */
export const BUDDY_CLOSE_REASONS = ['beginner_not_member', 'mentor_not_member'] as const;
export type BuddyCloseReason = (typeof BUDDY_CLOSE_REASONS)[number];

/** Who started a pairing: the beginner asking, or the meta-mentor or office proposing. */
export const BUDDY_PAIR_ORIGINS = ['beginner', 'staff'] as const;
export type BuddyPairOrigin = (typeof BUDDY_PAIR_ORIGINS)[number];

/** The lists of pairings: open ones (default) or the history. */
export const BUDDY_LIST_SCOPES = ['open', 'closed'] as const;

/**
 * Why an experienced mentor is suggested for a beginner, as codes the web app translates:
 * shared languages, the same region, shared expertise, said they are open to being a buddy, and
 * how many active pairings they have now (their load; fewer rank higher).
 */
export const BUDDY_REASON_CODES = [
  'shared_languages',
  'same_region',
  'shared_expertise',
  'open_to_buddy',
  'current_load',
] as const;
export type BuddyReasonCode = (typeof BUDDY_REASON_CODES)[number];

/** Suggestions shown per beginner at most. */
export const BUDDY_SUGGESTIONS_MAX = 10;
/** The note with a request or proposal, and when ending or declining, at most this long. */
export const BUDDY_NOTE_MAX = 500;
/** A gentle check-in reminder after this many days without a message between the buddies. */
export const BUDDY_CHECKIN_DAYS = 28;
