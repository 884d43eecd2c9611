import { z } from 'zod';
import { Id, Slug } from './networks.ts';

/** A member's volunteer record: `userId` or `me`. */
export const VolunteerRecordParams = z.strictObject({ slug: Slug, userId: z.union([z.literal('me'), Id]) });
export const VolunteerRecordItemParams = z.strictObject({ slug: Slug, userId: Id, id: Id });

const day = z.iso.date();

/** Training taken outside the platform (MOOC sessions are recorded on their own). */
export const AddTrainingBody = z.strictObject({
  title: z.string().trim().min(2).max(200),
  completedOn: day,
});

/**
 * A check seen by staff, e.g. a certificate of good conduct: its kind, the day it was seen and
 * until when it is valid. The document itself is never uploaded.
 */
export const AddCheckBody = z
  .strictObject({
    kind: z.string().trim().min(2).max(120),
    seenOn: day,
    validUntil: day.nullable().default(null),
  })
  .refine((b) => !b.validUntil || b.validUntil >= b.seenOn, {
    message: 'validUntil must not be before seenOn',
    path: ['validUntil'],
  });

/** The commitment agreed: hours a week, until when (null: open-ended); null hours clears it. */
export const SetCommitmentBody = z.strictObject({
  hoursPerWeek: z.number().min(0.5).max(60).nullable(),
  until: day.nullable().default(null),
});

export const VolunteerRecord = z.object({
  userId: Id,
  trainings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      completedOn: z.string().nullable(),
      /** `mooc`: recorded by the platform from a MOOC session; `manual`: added by staff. */
      source: z.enum(['mooc', 'manual']),
    }),
  ),
  checks: z.array(
    z.object({
      id: Id,
      kind: z.string(),
      seenOn: day,
      validUntil: day.nullable(),
      /** Valid on the day asked (no end date, or not yet past it). */
      valid: z.boolean(),
    }),
  ),
  commitment: z.object({ hoursPerWeek: z.number(), until: day.nullable() }).nullable(),
  /** Whether the caller may change the record (the network's meta-mentors and office). */
  canManage: z.boolean(),
});
export type VolunteerRecord = z.infer<typeof VolunteerRecord>;
