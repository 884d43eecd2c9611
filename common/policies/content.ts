/**
 * Rules for content that members write (topics, posts, messages): who may edit, delete and still
 * see it. Used by the server to decide and to tell the web app what to offer (canEdit, canDelete).
 */

/** Who reads: their id ('' for nobody in particular, e.g. a realtime fan-out) and whether they moderate. */
export interface ContentReader {
  userId: string;
  isModerator: boolean;
}

/** A reader who is nobody in particular: sees what every member sees, owns nothing. */
export const NOBODY: ContentReader = { userId: '', isModerator: false };

/** Something a member wrote. */
export interface Authored {
  authorId: string | null;
  deleted: boolean;
}

/** Whether the reader wrote it. */
export function isAuthor(reader: ContentReader, item: Pick<Authored, 'authorId'>): boolean {
  return reader.userId !== '' && item.authorId === reader.userId;
}

/** Only the author edits, and only what is not deleted. */
export function canEditContent(reader: ContentReader, item: Authored): boolean {
  return isAuthor(reader, item) && !item.deleted;
}

/** The author or a moderator deletes what is not deleted yet. */
export function canDeleteContent(reader: ContentReader, item: Authored): boolean {
  return !item.deleted && (isAuthor(reader, item) || reader.isModerator);
}

/** Deleted content keeps its text for moderators only; everyone else sees that it was deleted. */
export function canSeeDeletedContent(reader: ContentReader): boolean {
  return reader.isModerator;
}

/** A deletion by someone other than the author is a moderation act, kept in the audit log. */
export function isModeration(reader: ContentReader, item: Pick<Authored, 'authorId'>): boolean {
  return !isAuthor(reader, item);
}

/** Whether the user sent the message (their own bubble, their own read state). */
export function isOwnMessage(userId: string, message: { senderId: string | null }): boolean {
  return userId !== '' && message.senderId === userId;
}

/** Direct and group messages have no moderators: only the sender edits or deletes their own. */
export function canChangeMessage(userId: string, message: { senderId: string | null }): boolean {
  return isOwnMessage(userId, message);
}

/** The facts the rules above need from a stored row (a deletion time marks it deleted). */
export function authoredRow(row: { authorId: string | null; deletedAt: string | null }): Authored {
  return { authorId: row.authorId, deleted: row.deletedAt !== null };
}

/**
 * Content a moderator hid after a report keeps its text for its author (with a note) and for
 * moderators; everyone else sees that a moderator hid it.
 */
export function canSeeHiddenContent(reader: ContentReader, item: Pick<Authored, 'authorId'>): boolean {
  return reader.isModerator || isAuthor(reader, item);
}

/** Whether a given member wrote it: those told about content (mentions, announcements) are never its author. */
export function isWrittenBy(item: Pick<Authored, 'authorId'>, userId: string): boolean {
  return userId !== '' && item.authorId === userId;
}
