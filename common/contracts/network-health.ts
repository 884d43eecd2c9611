import { z } from 'zod';
import { HEALTH_SETTINGS, HEALTH_WARNING_CODES } from '../network-health.ts';
import { IsoDate } from './mooc.ts';
import { PersonSummary } from './networks.ts';

/** The span of the dashboard: whole days, UTC; both optional (the last twelve weeks up to today). */
export const HealthQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
export type HealthQuery = z.infer<typeof HealthQuery>;

/** One week of the series (weeks start on Monday; the last may be cut short by `to`). */
export const HealthWeek = z.object({
  weekStart: z.string(),
  /** Distinct members active in the week, and in the 30 days up to its end. */
  active7: z.number(),
  active30: z.number(),
  members: z.number(),
  newMembers: z.number(),
  leavers: z.number(),
  discussions: z.number(),
  replies: z.number(),
  messages: z.number(),
  helpOpened: z.number(),
  helpAnswered: z.number(),
  helpResolved: z.number(),
  /** Median minutes from asking to the first answer of the requests first answered in the week. */
  medianFirstAnswerMinutes: z.number().nullable(),
  eventsHeld: z.number(),
  attendance: z.number(),
});
export type HealthWeek = z.infer<typeof HealthWeek>;

export const HealthWarning = z.object({
  code: z.enum(HEALTH_WARNING_CODES),
  /** What the sentence names: a count, a goal's title, a person, a number of weeks or days. */
  count: z.number().optional(),
  subject: z.string().optional(),
  /** Where the suggested action is done, as a path of the web app. */
  actionPath: z.string(),
});
export type HealthWarning = z.infer<typeof HealthWarning>;

export const DriftingMember = PersonSummary.extend({ lastActiveOn: z.string() });
export type DriftingMember = z.infer<typeof DriftingMember>;

export const HealthGoal = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string().nullable(),
  startValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  latestValue: z.number().nullable(),
  /** 0–100 when the goal has a start and a target, else null. */
  percent: z.number().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type HealthGoal = z.infer<typeof HealthGoal>;

export const HealthEvent = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  recurring: z.boolean(),
});

export const HealthSettings = z.object({
  unansweredHours: z.number(),
  eventGapWeeks: z.number(),
  metaInactiveDays: z.number(),
  agreementPercent: z.number(),
  fallingWeeks: z.number(),
});
export type HealthSettings = z.infer<typeof HealthSettings>;

const setting = (key: keyof typeof HEALTH_SETTINGS) =>
  z.number().int().min(HEALTH_SETTINGS[key].min).max(HEALTH_SETTINGS[key].max).optional();
export const HealthSettingsBody = z
  .strictObject({
    unansweredHours: setting('unansweredHours'),
    eventGapWeeks: setting('eventGapWeeks'),
    metaInactiveDays: setting('metaInactiveDays'),
    agreementPercent: setting('agreementPercent'),
    fallingWeeks: setting('fallingWeeks'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });
export type HealthSettingsBody = z.infer<typeof HealthSettingsBody>;

/** The figures of right now (not a series). */
export const HealthCurrent = z.object({
  members: z.number(),
  metaMentors: z.number(),
  unansweredOverThreshold: z.number(),
  /** Share (0–100) of active members who accepted the current agreement. */
  agreementPercent: z.number(),
  buddiesPaired: z.number(),
  drifting: z.number(),
});

/**
 * A network's health. Everyone inside sees the public part (goals, upcoming events); the staff
 * (meta-mentors, office, the founding organisation's admins) also the figures, warnings and the
 * drifting members (`full` says which one it is).
 */
export const NetworkHealth = z.object({
  full: z.boolean(),
  from: z.string(),
  to: z.string(),
  /** When the newest roll-up ran (null before the first one). */
  rolledAt: z.string().nullable(),
  goals: z.array(HealthGoal),
  upcomingEvents: z.array(HealthEvent),
  current: HealthCurrent.nullable(),
  weeks: z.array(HealthWeek),
  warnings: z.array(HealthWarning),
  /** The first members drifting away, most recently active first; the rest page by page. */
  drifting: z.array(DriftingMember),
  /** Where `GET …/health/drifting?cursor=` goes on (null: every drifting member is listed). */
  driftingNextCursor: z.string().nullable(),
  settings: HealthSettings.nullable(),
});
export type NetworkHealth = z.infer<typeof NetworkHealth>;

/** A page of the members drifting away, most recently active first (`GET …/health/drifting`). */
export const DriftingPage = z.object({ members: z.array(DriftingMember), nextCursor: z.string().nullable() });
export type DriftingPage = z.infer<typeof DriftingPage>;

/** An organisation's networks side by side: the latest figures and warnings of each. */
export const OrganisationHealth = z.object({
  networks: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      current: HealthCurrent,
      active7: z.number(),
      active30: z.number(),
      /** The active members (7 days) of the week before, to show the trend. */
      active7Before: z.number(),
      warnings: z.array(HealthWarning),
    }),
  ),
});
export type OrganisationHealth = z.infer<typeof OrganisationHealth>;
