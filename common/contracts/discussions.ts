import { z } from 'zod';
import {
  MAX_ATTACHMENTS_PER_POST,
  MAX_POST_CHARS,
  MAX_TITLE_CHARS,
  MAX_SPACE_NAME_CHARS,
  type Reaction,
  REACTIONS,
} from '../discussions.ts';
import { AuthorSummary, Id, Slug } from './networks.ts';

export {
  ATTACHMENT_MAX_MB,
  ATTACHMENT_TYPES,
  type AttachmentType,
  MAX_ATTACHMENTS_PER_POST,
  MAX_POST_CHARS,
  MAX_SPACE_NAME_CHARS,
  MAX_TITLE_CHARS,
  MENTION_PATTERN,
  mentionToken,
  REACTION_EMOJI,
  REACTIONS,
  type Reaction,
} from '../discussions.ts';

const PostBody = z.string().trim().min(1).max(MAX_POST_CHARS);
const Title = z.string().trim().min(3).max(MAX_TITLE_CHARS);
const AttachmentIds = z.array(Id).max(MAX_ATTACHMENTS_PER_POST).default([]);

// ---- spaces ----

export const Space = z.object({
  id: z.string(),
  /** Default spaces: `ideas`, `experiences`, `questions` (null for custom ones). */
  key: z.string().nullable(),
  /** Display name in the reader's language (custom name, or the translation of the key). */
  name: z.string(),
  /** The custom name as set by a meta-mentor, null when the translated default is used. */
  customName: z.string().nullable(),
  position: z.number(),
  archived: z.boolean(),
  topicCount: z.number(),
});
export type Space = z.infer<typeof Space>;
export const SpaceList = z.object({ spaces: z.array(Space) });
export type SpaceList = z.infer<typeof SpaceList>;

export const CreateSpaceBody = z.strictObject({ name: z.string().trim().min(2).max(MAX_SPACE_NAME_CHARS) });
export type CreateSpaceBody = z.infer<typeof CreateSpaceBody>;
export const UpdateSpaceBody = z.strictObject({
  /** A new name; null gives a default space back its translated name. */
  name: z.string().trim().min(2).max(MAX_SPACE_NAME_CHARS).nullable().optional(),
  archived: z.boolean().optional(),
});
export type UpdateSpaceBody = z.infer<typeof UpdateSpaceBody>;
export const SpaceParams = z.strictObject({ slug: Slug, spaceId: Id });

// ---- posts, topics ----

export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** Download address (access-checked). */
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const ReactionSummary = z.object({
  reaction: z.enum(REACTIONS as [Reaction, ...Reaction[]]),
  count: z.number(),
  /** Whether the reader reacted so. */
  mine: z.boolean(),
});
export type ReactionSummary = z.infer<typeof ReactionSummary>;

/**
 * One post: a topic's opening post or a reply. A deleted post keeps its place: moderators still
 * get its content (with `deleted: true`), everyone else gets nulls and empty lists.
 */
export const Post = z.object({
  id: z.string(),
  topicId: z.string(),
  isOpening: z.boolean(),
  author: AuthorSummary.nullable(),
  /**
   * The Markdown as written, for editing: only for the author of a post that is not deleted (the
   * one reader who may edit it); null for everyone else, who reads `bodyHtml`.
   */
  bodySource: z.string().nullable(),
  /** Sanitised HTML rendered on the server; safe to insert as HTML. */
  bodyHtml: z.string().nullable(),
  mentions: z.array(z.string()),
  attachments: z.array(Attachment),
  reactions: z.array(ReactionSummary),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  deletedAt: z.string().nullable(),
  /**
   * Hidden by a moderator after a report: others read no content (the web says "hidden by a
   * moderator"); its author and the network's moderators still read it, with a note.
   */
  hidden: z.boolean(),
  /** Written by someone the reader blocked: the web collapses it behind "show". */
  authorBlocked: z.boolean(),
  /** Whether the reader may edit it (authors only) or delete it (authors and moderators). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type Post = z.infer<typeof Post>;

export const TopicSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  title: z.string().nullable(),
  author: AuthorSummary.nullable(),
  pinned: z.boolean(),
  locked: z.boolean(),
  deleted: z.boolean(),
  /** Hidden by a moderator: others see no title; its author and moderators still do. */
  hidden: z.boolean(),
  replyCount: z.number(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  /** The reader has never opened it. */
  isNew: z.boolean(),
  /** Posts by others since the reader's last visit (all of them when isNew). */
  unreadCount: z.number(),
});
export type TopicSummary = z.infer<typeof TopicSummary>;
export const TopicList = z.object({ topics: z.array(TopicSummary), nextCursor: z.string().nullable() });
export type TopicList = z.infer<typeof TopicList>;

export const Topic = TopicSummary.extend({
  opening: Post,
  /** The last post the reader had read before this visit: draw the "new" marker after it. */
  lastReadPostId: z.string().nullable(),
});
export type Topic = z.infer<typeof Topic>;

export const ReplyList = z.object({ replies: z.array(Post), nextCursor: z.string().nullable() });
export type ReplyList = z.infer<typeof ReplyList>;

export const TopicListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  spaceId: Id.optional(),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;
export const ReplyListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const TopicParams = z.strictObject({ slug: Slug, topicId: Id });
export const PostParams = z.strictObject({ slug: Slug, postId: Id });
export const AttachmentParams = z.strictObject({ slug: Slug, attachmentId: Id });

export const CreateTopicBody = z.strictObject({
  spaceId: Id,
  title: Title,
  body: PostBody,
  attachmentIds: AttachmentIds,
});
export type CreateTopicBody = z.infer<typeof CreateTopicBody>;
export const UpdateTopicBody = z.strictObject({ title: Title });
export type UpdateTopicBody = z.infer<typeof UpdateTopicBody>;
export const ModerateTopicBody = z
  .strictObject({ pinned: z.boolean().optional(), locked: z.boolean().optional() })
  .refine((b) => b.pinned !== undefined || b.locked !== undefined, 'pinned or locked');
export type ModerateTopicBody = z.infer<typeof ModerateTopicBody>;
export const CreateReplyBody = z.strictObject({ body: PostBody, attachmentIds: AttachmentIds });
export type CreateReplyBody = z.infer<typeof CreateReplyBody>;
export const UpdatePostBody = z.strictObject({ body: PostBody });
export type UpdatePostBody = z.infer<typeof UpdatePostBody>;
export const ToggleReactionBody = z.strictObject({
  reaction: z.enum(REACTIONS as [Reaction, ...Reaction[]]),
});
export type ToggleReactionBody = z.infer<typeof ToggleReactionBody>;
export const ReactionState = z.object({ postId: z.string(), reactions: z.array(ReactionSummary) });
export type ReactionState = z.infer<typeof ReactionState>;
/** Marks the topic read up to a post (default: its latest). */
export const MarkReadBody = z.strictObject({ postId: Id.optional() });
export type MarkReadBody = z.infer<typeof MarkReadBody>;

// ---- announcements ----

export const Announcement = z.object({
  id: z.string(),
  title: z.string(),
  bodySource: z.string(),
  bodyHtml: z.string(),
  author: AuthorSummary.nullable(),
  pinned: z.boolean(),
  createdAt: z.string(),
  /** Shown read-only in the network's partner networks too. */
  shareWithPartners: z.boolean(),
  /** The partner network an announcement shared with this one comes from (null: this network's). */
  origin: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type Announcement = z.infer<typeof Announcement>;
export const AnnouncementList = z.object({
  announcements: z.array(Announcement),
  nextCursor: z.string().nullable(),
});
export type AnnouncementList = z.infer<typeof AnnouncementList>;
export const CreateAnnouncementBody = z.strictObject({
  title: Title,
  body: PostBody,
  /** Show it read-only in the network's partner networks too. */
  shareWithPartners: z.boolean().default(false),
});
export type CreateAnnouncementBody = z.infer<typeof CreateAnnouncementBody>;
export const UpdateAnnouncementBody = z.strictObject({ pinned: z.boolean() });
export type UpdateAnnouncementBody = z.infer<typeof UpdateAnnouncementBody>;
export const AnnouncementParams = z.strictObject({ slug: Slug, announcementId: Id });
