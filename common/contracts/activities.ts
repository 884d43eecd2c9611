import { z } from 'zod';
import {
  ACTIVITY_DURATION_MAX_MINUTES,
  ACTIVITY_KINDS,
  ACTIVITY_NOTE_MAX,
  MENTEE_CODE_MAX,
  MENTEE_CODE_PATTERN,
} from '../activities.ts';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LocaleCode } from './auth.ts';
import { Id, Slug } from './networks.ts';
import { PrivacyFinding } from './privacy.ts';

export { ACTIVITY_KINDS } from '../activities.ts';

export const ActivityKind = z.enum(ACTIVITY_KINDS);
const Topics = z.array(z.enum(EXPERTISE_AREAS)).max(EXPERTISE_AREAS.length);
export const MenteeCode = z.string().trim().min(1).max(MENTEE_CODE_MAX).regex(MENTEE_CODE_PATTERN);
const Note = z.string().trim().max(ACTIVITY_NOTE_MAX);

/**
 * Log an activity. The note is privacy-checked on the server: when it holds personal data,
 * `privacyConfirmed: true` must say the mentor saw the findings and keeps them (else 422
 * PRIVACY_FINDINGS with the findings in `details.note`). Notes are stored encrypted and shown to
 * their author only.
 */
export const CreateActivityBody = z.strictObject({
  date: z.iso.date(),
  durationMinutes: z.number().int().min(1).max(ACTIVITY_DURATION_MAX_MINUTES),
  kind: ActivityKind,
  topics: Topics.default([]),
  menteeCode: MenteeCode,
  note: Note.default(''),
  privacyConfirmed: z.boolean().default(false),
});
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

/** Change an activity (its author only); a changed note is checked as a new one is. */
export const UpdateActivityBody = z.strictObject({
  date: z.iso.date().optional(),
  durationMinutes: z.number().int().min(1).max(ACTIVITY_DURATION_MAX_MINUTES).optional(),
  kind: ActivityKind.optional(),
  topics: Topics.optional(),
  menteeCode: MenteeCode.optional(),
  note: Note.optional(),
  privacyConfirmed: z.boolean().default(false),
});
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

export const ActivityParams = z.strictObject({ slug: Slug, id: Id });

export const ActivityListQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

/** The CSV export: the header row and kinds in `lang` (default: the caller's language). */
export const ActivityCsvQuery = ActivityListQuery.extend({ lang: LocaleCode.optional() });

/** One logged activity, as its author sees it (nobody else sees single activities). */
export const Activity = z.object({
  id: Id,
  network: z.object({ slug: Slug, name: z.string() }),
  date: z.iso.date(),
  durationMinutes: z.number().int(),
  kind: ActivityKind,
  topics: z.array(z.enum(EXPERTISE_AREAS)),
  menteeCode: z.string(),
  note: z.string(),
  privacyConfirmed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityList = z.object({
  activities: z.array(Activity),
  /** The author's mentee codes, most recently used first (for suggestions in the form). */
  menteeCodes: z.array(z.string()),
});
export type ActivityList = z.infer<typeof ActivityList>;

/** 422 PRIVACY_FINDINGS details of a note logged without confirmation. */
export const ActivityPrivacyDetails = z.object({ note: z.array(PrivacyFinding) });
export type ActivityPrivacyDetails = z.infer<typeof ActivityPrivacyDetails>;
