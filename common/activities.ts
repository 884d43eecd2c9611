/**
 * The mentoring log (D3): a mentor's own record of time spent with mentees, who are never account
 * holders and appear only under a code the mentor chooses. Plain constants, so the web app uses
 * them without zod; the schemas are in contracts/activities.ts, the rules in policies/activities.ts.
 */

/** How the mentor spent the time: a meeting, going with the mentee to an office, by phone or online, other. */
export const ACTIVITY_KINDS = ['meeting', 'accompaniment', 'phone_online', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Longest activity one entry may log (a whole day). */
export const ACTIVITY_DURATION_MAX_MINUTES = 24 * 60;
export const ACTIVITY_NOTE_MAX = 2000;

/**
 * A mentee code is a short pseudonym (e.g. `A7`, `K-12`): letters, digits, `-` and `_`, no spaces,
 * so that a full name does not fit; the form says not to use names at all.
 */
export const MENTEE_CODE_MAX = 12;
export const MENTEE_CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** Impact reports: a count below this is shown as "< 3" so no mentee or mentor can be singled out. */
export const SUPPRESSION_THRESHOLD = 3;
/** The longest period an impact report covers. */
export const REPORT_MAX_DAYS = 3 * 366;
