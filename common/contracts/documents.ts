import { z } from 'zod';
import { DOCUMENT_KINDS } from '../documents.ts';

export { DOCUMENT_KINDS } from '../documents.ts';

export const DocumentKindCode = z.enum(DOCUMENT_KINDS);

export const NetworkDocument = z.object({
  kind: DocumentKindCode,
  version: z.number(),
  title: z.string(),
  /** Markdown source (for editing a new version). */
  body: z.string(),
  /** The body rendered to safe HTML by the server (without the title heading the card shows). */
  bodyHtml: z.string(),
  /** What changed, in the publisher's words; null when they gave no summary. */
  summary: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  /** When the viewer accepted this version, or null. */
  acceptedAt: z.string().nullable(),
  /**
   * For a member who accepted an earlier version and not this one: what changed since the version
   * they accepted, line by line. Null otherwise.
   */
  changes: z
    .object({
      sinceVersion: z.number(),
      parts: z.array(z.object({ change: z.enum(['added', 'removed', 'unchanged']), text: z.string() })),
    })
    .nullable(),
});
export type NetworkDocument = z.infer<typeof NetworkDocument>;

export const NetworkDocuments = z.object({
  documents: z.array(NetworkDocument),
  /** Whether the viewer (a member) has accepted every current version. */
  acceptedCurrent: z.boolean(),
});
export type NetworkDocuments = z.infer<typeof NetworkDocuments>;

export const DocumentVersions = z.object({
  versions: z.array(NetworkDocument.omit({ acceptedAt: true, changes: true })),
});

export const PublishDocumentBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(20).max(50_000),
  /** What changed, for the members who accept the new version (optional). */
  summary: z.string().trim().max(2000).optional(),
});
export type PublishDocumentBody = z.infer<typeof PublishDocumentBody>;

/** The member names the versions they read, so nobody accepts a version they have not seen. */
export const AcceptDocumentsBody = z.strictObject({
  agreementVersion: z.number().int().min(1),
  rulesVersion: z.number().int().min(1),
});
export type AcceptDocumentsBody = z.infer<typeof AcceptDocumentsBody>;

export const AcceptanceReport = z.object({
  current: z.object({ agreement: z.number(), rules: z.number() }),
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      role: z.string(),
      acceptances: z.array(z.object({ kind: DocumentKindCode, version: z.number(), acceptedAt: z.string() })),
      acceptedCurrent: z.boolean(),
    }),
  ),
});
export type AcceptanceReport = z.infer<typeof AcceptanceReport>;

export const DocumentKindParams = z.strictObject({ slug: z.string().min(1).max(60), kind: DocumentKindCode });

/** Markdown to preview while editing: the server renders it exactly as it will be published. */
export const DocumentPreviewBody = z.strictObject({ body: z.string().max(50_000) });
export const DocumentPreview = z.object({ html: z.string() });
export type DocumentPreview = z.infer<typeof DocumentPreview>;
