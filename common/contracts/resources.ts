import { z } from 'zod';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import {
  RESOURCE_BODY_MAX,
  RESOURCE_KINDS,
  RESOURCE_REGION_MAX,
  RESOURCE_SUMMARY_MAX,
  RESOURCE_TAG_MAX,
  RESOURCE_TAGS_MAX,
  RESOURCE_TITLE_MAX,
  RESOURCE_URL_MAX,
  START_HERE_MAX,
} from '../resources.ts';
import { Attachment } from './discussions.ts';
import { AuthorSummary, Id, PageQuery, Slug } from './networks.ts';
import { HttpUrl } from './url.ts';

export { RESOURCE_KINDS, START_HERE_MAX } from '../resources.ts';

export const ResourceKind = z.enum(RESOURCE_KINDS);
const Title = z.string().trim().min(3).max(RESOURCE_TITLE_MAX);
const Body = z.string().trim().max(RESOURCE_BODY_MAX);
const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(RESOURCE_TAG_MAX)
  .regex(/^[^"\\,]+$/u);
const Tags = z
  .array(Tag)
  .max(RESOURCE_TAGS_MAX)
  .transform((tags) => [...new Set(tags)]);
const Areas = z.array(z.enum(EXPERTISE_AREAS)).max(EXPERTISE_AREAS.length);
/** An absolute http(s) address; any other scheme (javascript:, data:, …) is refused. */
const SafeUrl = HttpUrl(RESOURCE_URL_MAX);
const Region = z.string().trim().max(RESOURCE_REGION_MAX).nullable();
const Summary = z.string().trim().max(RESOURCE_SUMMARY_MAX);

/**
 * A new resource: a wiki page (Markdown body), a link (url; the body describes it) or a file (an
 * upload of the caller's through the attachments endpoint; the body describes it).
 */
export const CreateResourceBody = z
  .strictObject({
    kind: ResourceKind,
    title: Title,
    body: Body.default(''),
    url: SafeUrl.optional(),
    attachmentId: Id.optional(),
    tags: Tags.default([]),
    language: z.enum(LANGUAGE_CODES),
    expertise: Areas.default([]),
    region: Region.default(null),
    summary: Summary.default(''),
    /** Show it read-only in the network's partner networks too. */
    shareWithPartners: z.boolean().default(false),
  })
  .refine((b) => b.kind !== 'link' || b.url !== undefined, { path: ['url'], message: 'required' })
  .refine((b) => b.kind !== 'file' || b.attachmentId !== undefined, {
    path: ['attachmentId'],
    message: 'required',
  })
  .refine((b) => b.kind !== 'page' || b.body.length > 0, { path: ['body'], message: 'required' });
export type CreateResourceBody = z.infer<typeof CreateResourceBody>;

/**
 * An edit. `baseRevision` names the revision the editor started from: when someone saved a newer
 * one since, the answer is 409 RESOURCE_EDIT_CONFLICT with both texts (ResourceConflict).
 */
export const UpdateResourceBody = z.strictObject({
  baseRevision: z.number().int().min(1),
  title: Title.optional(),
  body: Body.optional(),
  url: SafeUrl.optional(),
  tags: Tags.optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  expertise: Areas.optional(),
  region: Region.optional(),
  summary: Summary.default(''),
  shareWithPartners: z.boolean().optional(),
});
export type UpdateResourceBody = z.infer<typeof UpdateResourceBody>;

export const RevertResourceBody = z.strictObject({
  revision: z.number().int().min(1),
  summary: Summary.default(''),
});
export type RevertResourceBody = z.infer<typeof RevertResourceBody>;

export const StartHereBody = z.strictObject({
  resourceIds: z
    .array(Id)
    .max(START_HERE_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate' }),
});
export type StartHereBody = z.infer<typeof StartHereBody>;

export const PreviewBody = z.strictObject({ body: Body });
export const PreviewAnswer = z.object({ html: z.string() });

export const ResourceSettingsBody = z.strictObject({ staffOnlyEditing: z.boolean() });
export const ResourceSettings = z.object({ staffOnlyEditing: z.boolean() });
export type ResourceSettings = z.infer<typeof ResourceSettings>;

export const ResourceListQuery = PageQuery.extend({
  kind: ResourceKind.optional(),
  tag: Tag.optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  expertise: z.enum(EXPERTISE_AREAS).optional(),
  text: z.string().trim().min(1).max(100).optional(),
});
export type ResourceListQuery = z.infer<typeof ResourceListQuery>;

export const ResourceParams = z.strictObject({ slug: Slug, id: Id });
export const RevisionParams = z.strictObject({
  slug: Slug,
  id: Id,
  revision: z.coerce.number().int().min(1).max(1_000_000),
});

/** What a resource row shows in lists. */
export const ResourceSummary = z.object({
  id: z.string(),
  kind: ResourceKind,
  title: z.string(),
  /** The description as plain text, shortened (lists). */
  excerpt: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  tags: z.array(z.string()),
  language: z.string(),
  expertise: z.array(z.string()),
  region: z.string().nullable(),
  revision: z.number(),
  updatedAt: z.string(),
  updatedBy: AuthorSummary.nullable(),
  /** Position in the "start here" list (0 first), or null. */
  startHere: z.number().nullable(),
  /** Shown read-only in the network's partner networks too. */
  shareWithPartners: z.boolean(),
  /** The partner network a shared resource comes from, read-only here (null: this network's own). */
  origin: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const ResourceList = z.object({
  resources: z.array(ResourceSummary),
  nextCursor: z.string().nullable(),
  /** The caller may create resources (members, unless the network keeps editing to its staff). */
  canCreate: z.boolean(),
});
export type ResourceList = z.infer<typeof ResourceList>;

export const StartHereList = z.object({ resources: z.array(ResourceSummary) });
export type StartHereList = z.infer<typeof StartHereList>;

/** One resource with its rendered body and what the caller may do. */
export const Resource = ResourceSummary.extend({
  /**
   * Hidden by a moderator after a report: others get no text and no file (the web says so); its
   * creator and the network's staff still read it.
   */
  hidden: z.boolean(),
  bodySource: z.string(),
  bodyHtml: z.string(),
  file: Attachment.nullable(),
  createdAt: z.string(),
  createdBy: AuthorSummary.nullable(),
  canEdit: z.boolean(),
  canManage: z.boolean(),
});
export type Resource = z.infer<typeof Resource>;

export const RevisionSummary = z.object({
  revision: z.number(),
  author: AuthorSummary.nullable(),
  summary: z.string(),
  createdAt: z.string(),
  /** Reverted to this revision, or null. */
  revertedFrom: z.number().nullable(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const RevisionList = z.object({ revisions: z.array(RevisionSummary) });
export type RevisionList = z.infer<typeof RevisionList>;

/** One line-level piece of a diff: kept, added or removed text. */
export const DiffPart = z.object({ op: z.enum(['same', 'add', 'remove']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;

/** One revision in full, with its difference to the one before (empty "before" for the first). */
export const RevisionDetail = RevisionSummary.extend({
  title: z.string(),
  bodySource: z.string(),
  bodyHtml: z.string(),
  url: z.string().nullable(),
  diff: z.array(DiffPart),
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;

/** The details of 409 RESOURCE_EDIT_CONFLICT: the newer text saved since, and the caller's own. */
export const ResourceConflict = z.object({
  current: z.object({
    revision: z.number(),
    title: z.string(),
    body: z.string(),
    author: AuthorSummary.nullable(),
    createdAt: z.string(),
  }),
  yours: z.object({ baseRevision: z.number(), title: z.string(), body: z.string() }),
  diff: z.array(DiffPart),
});
export type ResourceConflict = z.infer<typeof ResourceConflict>;
