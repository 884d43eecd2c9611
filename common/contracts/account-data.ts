import { z } from 'zod';
import { EXPORT_STATUSES } from '../account-data.ts';
import { SecondFactorCode } from './auth.ts';
import { Id } from './networks.ts';

/** One export of everything about the signed-in person. */
export const DataExport = z.object({
  id: Id,
  status: z.enum(EXPORT_STATUSES),
  requestedAt: z.string(),
  readyAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Bytes of the zip once it is ready. */
  size: z.number().int().nullable(),
  /** Where to download the zip while it is ready (signed in as its owner). */
  downloadUrl: z.string().nullable(),
});
export type DataExport = z.infer<typeof DataExport>;

/** The latest export, or null when the person never asked for one. */
export const DataExportState = z.object({ export: DataExport.nullable() });
export type DataExportState = z.infer<typeof DataExportState>;

export const DataExportParams = z.strictObject({ id: Id });

/**
 * Deleting the account: the password again — or, for an account with a second factor, a current
 * TOTP or recovery code instead (`code`; sent with the password, it only lets a locked account
 * through, as at sign-in) — and whether the posts' text goes too.
 */
export const DeleteAccountBody = z
  .strictObject({
    password: z.string().min(1).max(200).optional(),
    code: SecondFactorCode.optional(),
    removePostText: z.boolean().default(false),
  })
  .refine((b) => b.password !== undefined || b.code !== undefined, {
    path: ['password'],
    message: 'the password or a code',
  });
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>;

/** A network the person is the only meta-mentor of: handed to its founding organisation's admins. */
export const HandedOverNetwork = z.object({
  slug: z.string(),
  name: z.string(),
  organisation: z.string(),
});

/** What deleting the account would do now, or what it is doing. */
export const DeletionState = z.object({
  /** When the account will be erased, or null when no deletion was asked for. */
  eraseAfter: z.string().nullable(),
  graceDays: z.number().int(),
  /** Networks where the person is the only meta-mentor (the warning shown before deleting). */
  soleMetaMentorOf: z.array(HandedOverNetwork),
});
export type DeletionState = z.infer<typeof DeletionState>;
