import { z } from 'zod';
import {
  MODERATION_DECISIONS,
  REPORT_KINDS,
  REPORT_REASONS,
  REPORT_STATUSES,
  REPORT_TEXT_MAX,
  SUSPENSION_DAYS_MAX,
} from '../moderation.ts';
import { Id, PageQuery, PersonSummary, Slug } from './networks.ts';

export const ReportKind = z.enum(REPORT_KINDS);
export const ReportReason = z.enum(REPORT_REASONS);
export const ReportStatus = z.enum(REPORT_STATUSES);
export const ModerationDecision = z.enum(MODERATION_DECISIONS);

/** A report of one item: what it is, why, and in the reporter's words. */
export const CreateReportBody = z.strictObject({
  kind: ReportKind,
  id: Id,
  reason: ReportReason,
  text: z.string().trim().max(REPORT_TEXT_MAX).default(''),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

/** A report as its reporter sees it right after sending it. */
export const ReportReceipt = z.object({
  id: z.string(),
  kind: ReportKind,
  itemId: z.string(),
  reason: ReportReason,
  status: ReportStatus,
  createdAt: z.string(),
});

/** A report in the moderation queue, with what was reported as the moderator sees it. */
export const Report = ReportReceipt.extend({
  text: z.string(),
  reporter: PersonSummary.nullable(),
  author: PersonSummary.nullable(),
  network: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** A short view of the reported content (title, text or name); null when it is gone. */
  excerpt: z.string().nullable(),
  /** Where the content lives in the web app (a topic, resource or profile page), when it has one. */
  topicId: z.string().nullable(),
  hidden: z.boolean(),
  decision: ModerationDecision.nullable(),
  decidedBy: PersonSummary.nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;

export const ReportList = z.object({ reports: z.array(Report), nextCursor: z.string().nullable() });

export const ReportListQuery = PageQuery.extend({
  status: ReportStatus.default('open'),
  /** One network's reports (its slug); platform admins see all without it. */
  network: Slug.optional(),
});

export const NetworkReportListQuery = PageQuery.extend({ status: ReportStatus.default('open') });

export const ReportParams = z.strictObject({ id: Id });

/** A moderator's decision on a report; `days` for a suspension, `note` for the author and the log. */
export const DecideReportBody = z
  .strictObject({
    decision: ModerationDecision,
    days: z.number().int().min(1).max(SUSPENSION_DAYS_MAX).optional(),
    note: z.string().trim().max(REPORT_TEXT_MAX).default(''),
  })
  .refine((b) => b.decision !== 'suspend' || b.days !== undefined, { path: ['days'], message: 'required' });
export type DecideReportBody = z.infer<typeof DecideReportBody>;

export const UserParams = z.strictObject({ userId: Id });

/** Someone the caller blocked. */
export const BlockedPerson = PersonSummary.extend({ blockedAt: z.string() });
export const BlockList = z.object({ blocks: z.array(BlockedPerson) });
