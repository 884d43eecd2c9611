import type { Generated, Selectable } from 'kysely';

export interface SpacesTable {
  id: string;
  networkId: string;
  /** Default spaces: a short key translated by the catalogues (`ideas`, `experiences`, `questions`). */
  key: string | null;
  /** Custom spaces, or a default space renamed by a meta-mentor. */
  name: string | null;
  position: number;
  archivedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
export type SpaceRow = Selectable<SpacesTable>;

export interface TopicsTable {
  id: string;
  networkId: string;
  spaceId: string;
  authorId: string | null;
  title: string;
  /** 0/1; pinned topics sort first. */
  pinned: number;
  lockedAt: string | null;
  deletedAt: string | null;
  deletedBy: string | null;
  /** Hidden by a moderator: others see that it was hidden, its author still sees it. */
  hiddenAt: string | null;
  hiddenBy: string | null;
  /** Replies that are not deleted (the opening post does not count). */
  replyCount: number;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
}
export type TopicRow = Selectable<TopicsTable>;

export interface PostsTable {
  id: string;
  networkId: string;
  topicId: string;
  authorId: string | null;
  /** 1 for the topic's opening post, 0 for replies. */
  isOpening: number;
  /** The Markdown as written. */
  bodySource: string;
  /** The sanitised HTML rendered from it on the server. */
  bodyHtml: string;
  /** JSON array of the user ids mentioned. */
  mentions: string;
  editedAt: string | null;
  deletedAt: string | null;
  deletedBy: string | null;
  /** Hidden by a moderator: others see that it was hidden, its author still sees it. */
  hiddenAt: string | null;
  hiddenBy: string | null;
  createdAt: string;
}
export type PostRow = Selectable<PostsTable>;

export interface PostReactionsTable {
  postId: string;
  userId: string;
  reaction: string;
  createdAt: string;
}

/**
 * A reader's state in a topic: their marker, and how many of the topic's live posts they have seen
 * (theirs, or at or before the marker), kept on every write so that unread = live posts − seen. A
 * reader who wrote in the topic before marking it read has a row without a marker: ''.
 */
export interface TopicReadsTable {
  topicId: string;
  userId: string;
  lastReadPostId: string;
  readAt: string;
  seenCount: Generated<number>;
}

export interface AttachmentsTable {
  id: string;
  networkId: string;
  uploaderId: string | null;
  /** Null until the upload is attached to a post. */
  postId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
  createdAt: string;
}
export type AttachmentRow = Selectable<AttachmentsTable>;
