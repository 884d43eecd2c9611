import { z } from 'zod';
import { Id, Slug } from './networks.ts';

/** A member's volunteer record: `userId` or `me`. */
export const VolunteerRecordParams = z.strictObject({ slug: Slug, userId: z.union([z.literal('me'), Id]) });
/** A member's record by id, for what staff do to it (no `me`). */
export const VolunteerRecordMemberParams = z.strictObject({ slug: Slug, userId: Id });
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

/** Staff say a member is on leave until a day (inclusive); returning is DELETE on the same path. */
export const SetRecordLeaveBody = z.strictObject({ until: day });

/**
 * A member's departure recorded by staff: who takes over which of their mentee codes and unresolved
 * help requests, and a note for their buddies (their open pairings end with it).
 */
export const RecordDepartureBody = z.strictObject({
  menteeCodes: z
    .array(z.strictObject({ code: z.string().trim().min(1).max(40), toUserId: Id }))
    .max(200)
    .default([]),
  helpRequests: z
    .array(z.strictObject({ id: Id, toUserId: Id }))
    .max(200)
    .default([]),
  note: z.string().trim().max(1000).default(''),
});
export type RecordDepartureBody = z.infer<typeof RecordDepartureBody>;

/** How long a network keeps a departed member's records before the job deletes them. */
export const RecordSettings = z.object({ retentionMonths: z.number().int().min(1).max(120) });
export type RecordSettings = z.infer<typeof RecordSettings>;
export const SetRecordSettingsBody = z.strictObject({ retentionMonths: z.number().int().min(1).max(120) });

export const VolunteerStatus = z.object({
  /** `on_leave` until `leaveUntil` (inclusive); `left` since `leftOn`, records deleted from `purgeOn`. */
  state: z.enum(['active', 'on_leave', 'left']),
  leaveUntil: day.nullable(),
  leftOn: day.nullable(),
  purgeOn: day.nullable(),
  handover: z
    .object({
      menteeCodes: z.array(z.object({ code: z.string(), toUserId: z.string() })),
      helpRequests: z.array(z.object({ id: z.string(), toUserId: z.string() })),
      note: z.string(),
    })
    .nullable(),
});

export const VolunteerRecord = z.object({
  userId: Id,
  displayName: z.string(),
  status: VolunteerStatus,
  /**
   * For staff while the member is still active: what a departure would hand over (their mentee
   * codes in this network, pseudonyms only, and their unresolved help requests); null otherwise.
   */
  handoverOptions: z
    .object({
      menteeCodes: z.array(z.string()),
      helpRequests: z.array(z.object({ id: Id, title: z.string() })),
    })
    .nullable(),
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
