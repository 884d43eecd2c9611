/**
 * Role progression, succession (B5) and nudges (D2): the codes the server answers with and the web
 * app translates. Plain constants, so the web needs no zod for them.
 */

/** beginner → experienced (the mentor level), experienced → meta-mentor candidate. */
export const PROGRESSION_STEPS = ['experienced', 'meta_mentor_candidate'] as const;
export type ProgressionStep = (typeof PROGRESSION_STEPS)[number];

export const PROGRESSION_DECISIONS = ['confirmed', 'dismissed'] as const;
export type ProgressionDecision = (typeof PROGRESSION_DECISIONS)[number];

/** Why someone is suggested for a step or ranked as a successor. */
export const PROGRESSION_REASONS = [
  'time_in_network',
  'long_standing',
  'help_given',
  'events_attended',
  'buddy_completed',
  'buddies_mentored',
  'mooc_completed',
  'recently_active',
  'experienced',
  'office_role',
  'co_meta_mentor',
  'candidate_confirmed',
] as const;
export type ProgressionReason = (typeof PROGRESSION_REASONS)[number];

/** Nudges the platform sends on its own, each logged for staff. */
export const NUDGE_KINDS = ['reengagement', 'missed', 'help_wanted', 'upcoming_events'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Drifting: active in the 60 days before the last 30, silent in the last 30. */
export const DRIFT_SILENT_DAYS = 30;
export const DRIFT_WINDOW_DAYS = 60;
/** A drifting member is nudged at most once in this many days. */
export const REENGAGEMENT_EVERY_DAYS = 30;
/** "What you missed": for members who did not open the app for this many days, once in as many. */
export const MISSED_EVERY_DAYS = 7;
/** A help request wants more helpers once it has waited this long without a response or an offer. */
export const HELP_WANTED_AFTER_HOURS = 24;
/** …and for at most this many days (an older one is the meta-mentors' to follow up). */
export const HELP_WANTED_WITHIN_DAYS = 14;
/** "Help wanted" and "events coming up" reach one person at most once in this many days per network. */
export const HELP_WANTED_EVERY_DAYS = 7;
export const UPCOMING_EVENTS_EVERY_DAYS = 7;
/** How far ahead "events coming up" looks. */
export const UPCOMING_EVENTS_AHEAD_DAYS = 7;
