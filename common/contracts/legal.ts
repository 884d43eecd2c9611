import { z } from 'zod';
import { LEGAL_BODY_MAX, LEGAL_KINDS, LEGAL_SUMMARY_MAX } from '../legal.ts';

export const LegalKindParams = z.strictObject({ kind: z.enum(LEGAL_KINDS) });

/** A new version of the privacy notice or the terms of use (Markdown), with what changed. */
export const PublishLegalBody = z.strictObject({
  body: z.string().trim().min(1).max(LEGAL_BODY_MAX),
  summary: z.string().trim().max(LEGAL_SUMMARY_MAX).default(''),
});
export type PublishLegalBody = z.infer<typeof PublishLegalBody>;

export const LegalVersion = z.object({
  kind: z.enum(LEGAL_KINDS),
  version: z.number().int(),
  /** Markdown source (for editing a new version). */
  body: z.string(),
  /** The body rendered to safe HTML by the server (the web parses no Markdown). */
  bodyHtml: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
});
export type LegalVersion = z.infer<typeof LegalVersion>;

/** The current version of each text (null while none is published). */
export const CurrentLegal = z.object({ privacy: LegalVersion.nullable(), terms: LegalVersion.nullable() });
export type CurrentLegal = z.infer<typeof CurrentLegal>;

/** The versions a person accepts: each must be the current one. */
export const AcceptLegalBody = z.strictObject({
  privacy: z.number().int().min(1).optional(),
  terms: z.number().int().min(1).optional(),
});
export type AcceptLegalBody = z.infer<typeof AcceptLegalBody>;

/** A current version the person has not accepted, with what changed since the one they accepted. */
export const PendingLegalVersion = LegalVersion.extend({
  /** Line by line since the version they accepted last; null when they never accepted this text. */
  changes: z
    .object({
      sinceVersion: z.number().int(),
      parts: z.array(z.object({ change: z.enum(['added', 'removed', 'unchanged']), text: z.string() })),
    })
    .nullable(),
});
export type PendingLegalVersion = z.infer<typeof PendingLegalVersion>;

/** The current versions the signed-in person has not accepted yet. */
export const PendingLegal = z.object({ pending: z.array(PendingLegalVersion) });
export type PendingLegal = z.infer<typeof PendingLegal>;

/** The languages the starting texts exist in. */
export const LEGAL_TEMPLATE_LOCALES = ['en', 'de'] as const;
export const LegalTemplateQuery = z.strictObject({ locale: z.enum(LEGAL_TEMPLATE_LOCALES).default('en') });
/** A starting text for a platform admin to adapt (placeholders in [brackets]). */
export const LegalTemplate = z.object({ body: z.string() });
export type LegalTemplate = z.infer<typeof LegalTemplate>;

/** Markdown to preview while editing: the server renders it exactly as it will be published. */
export const LegalPreviewBody = z.strictObject({ body: z.string().max(LEGAL_BODY_MAX) });
export const LegalPreview = z.object({ html: z.string() });
export type LegalPreview = z.infer<typeof LegalPreview>;
