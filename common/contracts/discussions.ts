import { z } from 'zod';
import { Id, PersonSummary, Slug } from './networks.ts';

/** Longest post (opening post, reply or announcement) in characters of Markdown. */
export const MAX_POST_CHARS = 20_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_SPACE_NAME_CHARS = 60;
/** Attachments one post may carry. */
export const MAX_ATTACHMENTS_PER_POST = 10;
export const ATTACHMENT_MAX_MB = 10;

/**
 * A mention in a post's Markdown: `@[Display Name](user-id)`. The web app inserts it from the
 * member picker; the server checks that the id is a member of the network and renders the name it
 * knows (the text between the brackets is only a hint for people reading the source).
 */
export const MENTION_PATTERN =
  /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

/** Builds the mention token for a member. */
export function mentionToken(person: { id: string; displayName: string }): string {
  const name = person.displayName.replace(/[[\]\n]/g, ' ').slice(0, 100);
  return `@[${name}](${person.id})`;
}

/** The fixed set of reactions, by name; the emoji is for display. */
export const REACTION_EMOJI = {
  like: '👍',
  heart: '❤️',
  laugh: '😄',
  celebrate: '🎉',
  thanks: '🙏',
  thinking: '🤔',
} as const;
export const REACTIONS = Object.keys(REACTION_EMOJI) as (keyof typeof REACTION_EMOJI)[];
export type Reaction = keyof typeof REACTION_EMOJI;

/** Content types an attachment may have (checked against the file's bytes on upload). */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'text/plain',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

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
  author: PersonSummary.nullable(),
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
  /** Whether the reader may edit it (authors only) or delete it (authors and moderators). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type Post = z.infer<typeof Post>;

export const TopicSummary = z.object({
  id: z.string(),
  spaceId: z.string(),
  title: z.string().nullable(),
  author: PersonSummary.nullable(),
  pinned: z.boolean(),
  locked: z.boolean(),
  deleted: z.boolean(),
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
  author: PersonSummary.nullable(),
  pinned: z.boolean(),
  createdAt: z.string(),
});
export type Announcement = z.infer<typeof Announcement>;
export const AnnouncementList = z.object({
  announcements: z.array(Announcement),
  nextCursor: z.string().nullable(),
});
export type AnnouncementList = z.infer<typeof AnnouncementList>;
export const CreateAnnouncementBody = z.strictObject({ title: Title, body: PostBody });
export type CreateAnnouncementBody = z.infer<typeof CreateAnnouncementBody>;
export const UpdateAnnouncementBody = z.strictObject({ pinned: z.boolean() });
export type UpdateAnnouncementBody = z.infer<typeof UpdateAnnouncementBody>;
export const AnnouncementParams = z.strictObject({ slug: Slug, announcementId: Id });
