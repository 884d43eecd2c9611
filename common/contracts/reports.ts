import { z } from 'zod';
import { ACTIVITY_KINDS, REPORT_MAX_DAYS } from '../activities.ts';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LocaleCode } from './auth.ts';

/**
 * A figure of an impact report: a number, "< 3" for a count of 1 or 2 (or a row with fewer than 3
 * mentors or mentees behind it), or "withheld" for a row hidden so that a small one cannot be
 * worked out from the total.
 */
export const ReportCell = z.union([z.number().min(0), z.literal('< 3'), z.literal('withheld')]);
export type ReportCell = z.infer<typeof ReportCell>;

const day = z.iso.date();
const DAY_MS = 86_400_000;

/** The period (default: the twelve months up to today) and the format; CSV and PDF speak `lang`. */
export const ImpactReportQuery = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    format: z.enum(['json', 'csv', 'pdf']).default('json'),
    lang: LocaleCode.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= REPORT_MAX_DAYS, {
    message: `the period is longer than ${REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
export type ImpactReportQuery = z.infer<typeof ImpactReportQuery>;

const ActivityCells = z.object({
  activities: ReportCell,
  /** Hours, to one decimal. */
  hours: ReportCell,
  /** Distinct mentees, counted per mentor's codes. */
  mentees: ReportCell,
  mentors: ReportCell,
});

export const ImpactReport = z.object({
  scope: z.object({
    kind: z.enum(['network', 'organisation']),
    name: z.string(),
    organisation: z.string(),
    networks: z.array(z.string()),
  }),
  period: z.object({ from: day, to: day }),
  generatedAt: z.string(),
  threshold: z.number().int(),
  totals: ActivityCells,
  byMonth: z.array(ActivityCells.extend({ month: z.string() })),
  byKind: z.array(ActivityCells.extend({ kind: z.enum(ACTIVITY_KINDS) })),
  byTopic: z.array(ActivityCells.extend({ topic: z.enum(EXPERTISE_AREAS) })),
  helpRequestsResolved: ReportCell,
  events: z.object({ held: ReportCell, attendances: ReportCell, attendees: ReportCell }),
  /** MOOC graduates who completed the course in the period. */
  mentorsTrained: ReportCell,
  /**
   * The networks' goals as their staff publish them to every member (indicators, not counts of
   * people): shown as they are.
   */
  goals: z.array(
    z.object({
      network: z.string(),
      title: z.string(),
      unit: z.string().nullable(),
      startValue: z.number().nullable(),
      targetValue: z.number().nullable(),
      currentValue: z.number().nullable(),
      progressPercent: z.number().nullable(),
      dueOn: z.string().nullable(),
    }),
  ),
});
export type ImpactReport = z.infer<typeof ImpactReport>;
