/** Reports and moderation (PRODUCT F4): what can be reported, why, and what a moderator decides. */

/** What a member can report. Posts, topics and resources belong to a network; messages and profiles do not. */
export const REPORT_KINDS = ['post', 'topic', 'message', 'profile', 'resource'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Kinds whose reports only platform admins review (they belong to no network's moderators). */
export const PLATFORM_ONLY_KINDS: readonly ReportKind[] = ['message', 'profile'];

/** Why: one of these, with free text. */
export const REPORT_REASONS = [
  'spam',
  'harassment',
  'mentee_personal_data',
  'hate',
  'misinformation',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * What a moderator does with a report: hide or restore the content (posts, topics, resources),
 * warn its author, suspend the author from the network for some days, or dismiss the report.
 */
export const MODERATION_DECISIONS = ['hide', 'restore', 'warn', 'suspend', 'dismiss'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** Content kinds that can be hidden by a moderator. */
export const HIDEABLE_KINDS: readonly ReportKind[] = ['post', 'topic', 'resource'];

export const REPORT_TEXT_MAX = 2000;
export const SUSPENSION_DAYS_MAX = 365;
