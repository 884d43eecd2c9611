import type {
  Attachment,
  Post,
  Reaction,
  ReactionSummary,
  TopicSummary,
} from '../../../common/contracts/discussions.ts';
import { REACTIONS } from '../../../common/contracts/discussions.ts';
import type { PostExtraColumns, PostSummaryRow } from './posts.repository.ts';
import type { TopicSummaryRow } from './topics.repository.ts';
import type { AttachmentRow } from './discussions.table.ts';

/** Who is reading: their id and whether they moderate the network. A neutral reader (realtime fan-out) is nobody. */
export interface Reader {
  userId: string;
  isModerator: boolean;
}
export const NEUTRAL_READER: Reader = { userId: '', isModerator: false };

/** The download address of an attachment. */
export function attachmentUrl(networkSlug: string, id: string): string {
  return `/api/networks/${networkSlug}/attachments/${id}`;
}

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
 * Posts as a reader sees them: deleted ones keep their content only for moderators; the Markdown
 * source goes only to the author, the one reader who may edit it (everyone reads the HTML). The rows
 * must have been read for this reader (their reactions say which are the reader's own).
 */
export function presentPosts(networkSlug: string, rows: PostSummaryRow[], reader: Reader): Post[] {
  return rows.map((row) => {
    const hidden = row.deletedAt !== null && !reader.isModerator;
    const isAuthor = reader.userId !== '' && row.authorId === reader.userId;
    return {
      id: row.id,
      topicId: row.topicId,
      isOpening: row.isOpening === 1,
      author: row.authorId ? { id: row.authorId, displayName: row.authorName ?? '' } : null,
      bodySource: isAuthor && row.deletedAt === null ? row.bodySource : null,
      bodyHtml: hidden ? null : row.bodyHtml,
      mentions: hidden ? [] : (JSON.parse(row.mentions) as string[]),
      attachments: hidden ? [] : attachmentsOf(networkSlug, row),
      reactions: hidden ? [] : reactionsOf(row),
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      deleted: row.deletedAt !== null,
      deletedAt: row.deletedAt,
      canEdit: isAuthor && row.deletedAt === null,
      canDelete: row.deletedAt === null && (isAuthor || reader.isModerator),
    };
  });
}

/** Reaction counts in the fixed order of REACTIONS. */
function reactionSummaries(rows: { reaction: string; count: number; mine: boolean }[]): ReactionSummary[] {
  if (rows.length === 0) return [];
  return REACTIONS.flatMap((reaction: Reaction) => {
    const row = rows.find((r) => r.reaction === reaction);
    return row ? [{ reaction, count: row.count, mine: row.mine }] : [];
  });
}

/** A topic in a list as a reader sees it. */
export function presentTopicSummary(row: TopicSummaryRow, reader: Reader): TopicSummary {
  const hidden = row.deletedAt !== null && !reader.isModerator;
  const neutral = reader.userId === '';
  return {
    id: row.id,
    spaceId: row.spaceId,
    title: hidden ? null : row.title,
    author: row.authorId ? { id: row.authorId, displayName: row.authorName ?? '' } : null,
    pinned: row.pinned === 1,
    locked: row.lockedAt !== null,
    deleted: row.deletedAt !== null,
    replyCount: row.replyCount,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
    isNew: !neutral && row.lastReadPostId === null,
    unreadCount: neutral ? 0 : row.unreadCount,
  };
}
