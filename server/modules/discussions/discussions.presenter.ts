import type {
  Attachment,
  Post,
  Reaction,
  ReactionState,
  ReactionSummary,
  ReplyList,
  Topic,
  TopicList,
  TopicSummary,
} from '../../../common/contracts/discussions.ts';
import { REACTIONS } from '../../../common/contracts/discussions.ts';
import {
  authoredRow,
  type ContentReader,
  canDeleteContent,
  canEditContent,
  canSeeDeletedContent,
  canSeeHiddenContent,
  NOBODY,
} from '../../../common/policies/content.ts';
import { authorOf } from '../../lib/people.ts';
import type { AttachmentRow } from './discussions.table.ts';
import type { PostExtraColumns, PostSummaryRow } from './posts.repository.ts';
import type { TopicSummaryRow, TopicView } from './topics.repository.ts';

/** The download address of an attachment. */
export function attachmentUrl(networkSlug: string, id: string): string {
  return `/api/networks/${networkSlug}/attachments/${id}`;
}

/** An uploaded file as its uploader and the readers of its post see it. */
export function presentAttachment(networkSlug: string, row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    url: attachmentUrl(networkSlug, row.id),
  };
}

/** A JSON column of a row: null, JSON text, or (PostgreSQL, SQLite's JSON rows) the value itself. */
function jsonColumn(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[];
}

/** The reactions column of a post row (see postExtras), in the fixed order of REACTIONS. */
export function reactionsOf(row: PostExtraColumns): ReactionSummary[] {
  const counts = jsonColumn(row.reactions) as [string, number | string, number | boolean][];
  return reactionSummaries(
    counts.map(([reaction, count, mine]) => ({ reaction, count: Number(count), mine: Boolean(mine) })),
  );
}

/** The reactions of a post after a toggle, as the one who toggled sees them. */
export function presentReactionState(row: PostExtraColumns & { id: string }): ReactionState {
  return { postId: row.id, reactions: reactionsOf(row) };
}

/** The attachments column of a post row (see postExtras), oldest first. */
function attachmentsOf(networkSlug: string, row: PostExtraColumns): Attachment[] {
  const files = jsonColumn(row.attachments) as [string, string, string, number | string][];
  return files.map(([id, fileName, contentType, size]) => ({
    id,
    fileName,
    contentType,
    size: Number(size),
    url: attachmentUrl(networkSlug, id),
  }));
}

/**
 * A post as a reader sees it: deleted ones keep their content only for those who may see deleted
 * content; the Markdown source goes only to the one reader who may edit it (everyone reads the
 * HTML). The row must have been read for this reader (its reactions say which are the reader's own).
 */
export function presentPost(networkSlug: string, row: PostSummaryRow, reader: ContentReader): Post {
  const authored = authoredRow(row);
  const hiddenByModerator = row.hiddenAt !== null;
  const hidden =
    (authored.deleted && !canSeeDeletedContent(reader)) ||
    (hiddenByModerator && !canSeeHiddenContent(reader, authored));
  const canEdit = canEditContent(reader, authored);
  return {
    id: row.id,
    topicId: row.topicId,
    isOpening: row.isOpening === 1,
    author: authorOf(row.authorId, row.authorName ?? '', row.authorErasedAt),
    bodySource: canEdit ? row.bodySource : null,
    bodyHtml: hidden ? null : row.bodyHtml,
    mentions: hidden ? [] : (JSON.parse(row.mentions) as string[]),
    attachments: hidden ? [] : attachmentsOf(networkSlug, row),
    reactions: hidden ? [] : reactionsOf(row),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: authored.deleted,
    deletedAt: row.deletedAt,
    hidden: hiddenByModerator,
    authorBlocked: row.authorBlocked === true || Number(row.authorBlocked) === 1,
    canEdit,
    canDelete: canDeleteContent(reader, authored),
  };
}

/** Posts as a reader sees them (see presentPost). */
export function presentPosts(networkSlug: string, rows: PostSummaryRow[], reader: ContentReader): Post[] {
  return rows.map((row) => presentPost(networkSlug, row, reader));
}

/** A page of replies as a reader sees it. */
export function presentReplyList(
  networkSlug: string,
  { page, nextCursor }: { page: PostSummaryRow[]; nextCursor: string | null },
  reader: ContentReader,
): ReplyList {
  return { replies: presentPosts(networkSlug, page, reader), nextCursor };
}

/** Reaction counts in the fixed order of REACTIONS. */
function reactionSummaries(rows: { reaction: string; count: number; mine: boolean }[]): ReactionSummary[] {
  if (rows.length === 0) return [];
  return REACTIONS.flatMap((reaction: Reaction) => {
    const row = rows.find((r) => r.reaction === reaction);
    return row ? [{ reaction, count: row.count, mine: row.mine }] : [];
  });
}

/** A topic in a list as a reader sees it (nobody in particular: no read marker, nothing unread). */
export function presentTopicSummary(row: TopicSummaryRow, reader: ContentReader): TopicSummary {
  const deleted = row.deletedAt !== null;
  const hiddenByModerator = row.hiddenAt !== null;
  const hidden =
    (deleted && !canSeeDeletedContent(reader)) ||
    (hiddenByModerator && !canSeeHiddenContent(reader, { authorId: row.authorId }));
  const nobody = reader.userId === NOBODY.userId;
  return {
    id: row.id,
    spaceId: row.spaceId,
    title: hidden ? null : row.title,
    author: authorOf(row.authorId, row.authorName ?? '', row.authorErasedAt),
    pinned: row.pinned === 1,
    locked: row.lockedAt !== null,
    deleted,
    hidden: hiddenByModerator,
    replyCount: row.replyCount,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
    isNew: !nobody && row.lastReadPostId === null,
    unreadCount: nobody ? 0 : row.unreadCount,
  };
}

/** A page of topics as a reader sees it. */
export function presentTopicList(
  { page, nextCursor }: { page: TopicSummaryRow[]; nextCursor: string | null },
  reader: ContentReader,
): TopicList {
  return { topics: page.map((t) => presentTopicSummary(t, reader)), nextCursor };
}

/** A topic with its opening post as a reader sees it; the read marker is the one from before this visit. */
export function presentTopic(networkSlug: string, view: TopicView, reader: ContentReader): Topic {
  return {
    ...presentTopicSummary(view, reader),
    opening: presentPost(networkSlug, view.opening, reader),
    lastReadPostId: view.lastReadPostId,
  };
}
