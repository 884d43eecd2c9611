/**
 * Network health (D1): the early warnings a dashboard gives and the settings that tune them. Plain
 * constants, so the web app uses them without zod; the schemas are in contracts/network-health.ts.
 */

/**
 * What a warning is about; the web app translates each into a plain sentence and a suggested action.
 * - activity_falling: fewer active members week after week (the number of weeks is a setting)
 * - requests_unanswered: help requests open without an answer longer than the setting's hours
 * - no_recent_event: no event held nor planned within the setting's weeks
 * - meta_mentor_inactive: a meta-mentor silent for the setting's days
 * - single_meta_mentor: one meta-mentor and nobody who could take over
 * - agreement_not_accepted: fewer members than the setting's share accepted the current agreement
 * - goal_overdue: a goal past its due date without reaching its target
 */
export const HEALTH_WARNING_CODES = [
  'activity_falling',
  'requests_unanswered',
  'no_recent_event',
  'meta_mentor_inactive',
  'single_meta_mentor',
  'agreement_not_accepted',
  'goal_overdue',
] as const;
export type HealthWarningCode = (typeof HEALTH_WARNING_CODES)[number];

/** The thresholds of the early warnings, with their defaults and the bounds a network may choose. */
export const HEALTH_SETTINGS = {
  unansweredHours: { default: 48, min: 12, max: 336 },
  eventGapWeeks: { default: 6, min: 1, max: 26 },
  metaInactiveDays: { default: 14, min: 3, max: 90 },
  agreementPercent: { default: 80, min: 10, max: 100 },
  fallingWeeks: { default: 3, min: 2, max: 8 },
} as const;
export type HealthSettingKey = keyof typeof HEALTH_SETTINGS;

/** Active in the DRIFT_WINDOW_DAYS before the last DRIFT_SILENT_DAYS, silent since: drifting away. */
export const DRIFT_SILENT_DAYS = 30;
export const DRIFT_WINDOW_DAYS = 60;

/** The dashboard's default span, and the longest one may ask for. */
export const HEALTH_DEFAULT_WEEKS = 12;
export const HEALTH_MAX_DAYS = 371;
