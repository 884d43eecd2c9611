import { z } from 'zod';
import {
  BADGE_KINDS,
  GRADUATE_STATUSES,
  IMPORT_PROBLEMS,
  IMPORT_WARNINGS,
  MOOC_CSV_MAX_ROWS,
} from '../mooc.ts';
import { Id, PageQuery, PersonSummary, Slug } from './networks.ts';
import { HttpUrl } from './url.ts';

export {
  BADGE_KINDS,
  GRADUATE_STATUSES,
  IMPORT_PROBLEMS,
  IMPORT_WARNINGS,
  MOOC_CSV_MAX_BYTES,
  MOOC_CSV_MAX_ROWS,
} from '../mooc.ts';

/** Calendar date as YYYY-MM-DD. */
export const IsoDate = z.iso.date();

const SessionFields = {
  title: z.string().trim().min(2).max(160),
  /** The course on the learning platform (e.g. a Moodle course page). */
  courseUrl: HttpUrl(500).nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
};

/** Record a MOOC session (cohort) that feeds this network. */
export const CreateMoocSessionBody = z
  .strictObject(SessionFields)
  .refine((b) => b.endsOn >= b.startsOn, { message: 'Ends before it starts', path: ['endsOn'] });
export type CreateMoocSessionBody = z.infer<typeof CreateMoocSessionBody>;

export const UpdateMoocSessionBody = z
  .strictObject({
    title: SessionFields.title.optional(),
    courseUrl: SessionFields.courseUrl,
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.optional(),
  })
  .refine((b) => !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn, {
    message: 'Ends before it starts',
    path: ['endsOn'],
  });
export type UpdateMoocSessionBody = z.infer<typeof UpdateMoocSessionBody>;

export const GraduateStatus = z.enum(GRADUATE_STATUSES);
export type GraduateStatus = z.infer<typeof GraduateStatus>;

export const GraduateCounts = z.object(
  Object.fromEntries(GRADUATE_STATUSES.map((s) => [s, z.number()])) as Record<GraduateStatus, z.ZodNumber>,
);
export type GraduateCounts = z.infer<typeof GraduateCounts>;

export const MoocSession = z.object({
  id: z.string(),
  title: z.string(),
  courseUrl: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdBy: PersonSummary.nullable(),
  createdAt: z.string(),
  /** Graduates per status; `total` counts them all. */
  graduates: GraduateCounts.extend({ total: z.number() }),
});
export type MoocSession = z.infer<typeof MoocSession>;
export const MoocSessionList = z.object({ sessions: z.array(MoocSession) });
export type MoocSessionList = z.infer<typeof MoocSessionList>;

export const MoocSessionParams = z.strictObject({ slug: Slug, sessionId: Id });
export const GraduateParams = MoocSessionParams.extend({ graduateId: Id });

export const ImportProblem = z.enum(IMPORT_PROBLEMS);
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportWarning = z.enum(IMPORT_WARNINGS);
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportRow = z.object({
  /** Line of the file where the row starts (the header is line 1 unless blank lines precede it). */
  line: z.number(),
  name: z.string(),
  email: z.string(),
  /** YYYY-MM-DD, or null when the file has none. */
  completedOn: z.string().nullable(),
  /** ISO 639-1 code, or null. */
  language: z.string().nullable(),
  problems: z.array(ImportProblem),
  warnings: z.array(ImportWarning),
});
export type ImportRow = z.infer<typeof ImportRow>;

/**
 * Preview and import both answer with every row of the file. The file is sent as the request
 * body with `Content-Type: text/csv` (UTF-8, BOM allowed; comma, semicolon or tab separated;
 * English or German headers such as `Vorname;Nachname;E-Mail-Adresse`).
 */
export const ImportResult = z.object({
  /** The columns the server recognised, by their header in the file. */
  columns: z.object({
    name: z.array(z.string()),
    email: z.string(),
    completedOn: z.string().nullable(),
    language: z.string().nullable(),
  }),
  rows: z.array(ImportRow),
  /** Rows without problems: to be imported (preview) or imported now (import). */
  valid: z.number(),
  invalid: z.number(),
  /** Only for the import: how many rows were stored (0 when the same file comes again). */
  imported: z.number().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const Graduate = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  completedOn: z.string().nullable(),
  language: z.string().nullable(),
  status: GraduateStatus,
  invitedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  joinedAt: z.string().nullable(),
  /** The account that joined through the invitation. */
  user: PersonSummary.nullable(),
  createdAt: z.string(),
});
export type Graduate = z.infer<typeof Graduate>;

export const GraduateListQuery = PageQuery.extend({ status: GraduateStatus.optional() });
export type GraduateListQuery = z.infer<typeof GraduateListQuery>;
export const GraduateList = z.object({ graduates: z.array(Graduate), nextCursor: z.string().nullable() });
export type GraduateList = z.infer<typeof GraduateList>;

/** Invite the imported graduates (all of them, or those listed), each in their language. */
export const InviteGraduatesBody = z
  .strictObject({ graduateIds: z.array(Id).min(1).max(MOOC_CSV_MAX_ROWS).optional() })
  .nullish();
export type InviteGraduatesBody = z.infer<typeof InviteGraduatesBody>;

/**
 * Outcome of a bulk send. The network's invitation rate limit may stop a large send part-way:
 * `remaining` then says how many are left for a later call (nothing is sent twice).
 */
export const BulkSendResult = z.object({
  sent: z.number(),
  /** Skipped because they became members meanwhile. */
  skipped: z.number(),
  remaining: z.number(),
  retryAfterSeconds: z.number().nullable(),
});
export type BulkSendResult = z.infer<typeof BulkSendResult>;

/**
 * Member badges. Smallest option chosen: one list per network; the web app joins it with the
 * member list by `userId` (`?userId=` narrows it to one member for a profile page).
 */
export const Badge = z.object({
  userId: z.string(),
  kind: z.enum(BADGE_KINDS),
  /** The MOOC session the badge names. */
  session: z.object({ id: z.string(), title: z.string(), endsOn: z.string() }),
  createdAt: z.string(),
});
export type Badge = z.infer<typeof Badge>;
export const BadgeListQuery = z.strictObject({ userId: Id.optional() });
export const BadgeList = z.object({ badges: z.array(Badge) });
export type BadgeList = z.infer<typeof BadgeList>;
