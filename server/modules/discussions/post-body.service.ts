import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { findMentions, renderMarkdown } from '../../lib/markdown.ts';
import type { PostRow } from './discussions.table.ts';
import { claimAttachments, findActiveMembers } from './posts.repository.ts';

/** JSON bodies with a post in them: 20,000 characters can take 80 KB in UTF-8. */
export const POST_BODY_LIMIT_BYTES = 256 * 1024;

export interface PreparedBody {
  source: string;
  html: string;
  /** Mentioned member ids, in order. */
  mentions: string[];
}

/**
 * Checks a post's mentions against the network's members (MENTION_NOT_MEMBER, with the offending
 * ids, for anyone else) and renders the Markdown with the members' real names.
 */
export async function prepareBody(ctx: AppContext, networkId: string, source: string): Promise<PreparedBody> {
  const mentions = findMentions(source);
  const members = await findActiveMembers(ctx.database.db, networkId, mentions);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const strangers = mentions.filter((id) => !names.has(id));
  if (strangers.length > 0) throw new AppError('MENTION_NOT_MEMBER', 400, { userIds: strangers });
  return { source, html: renderMarkdown(source, names), mentions };
}

/** The row of a new post (opening post or reply) with a prepared body. */
export function newPostRow(
  topic: { id: string; networkId: string },
  authorId: string,
  prepared: PreparedBody,
  isOpening: boolean,
  now: string,
): PostRow {
  return {
    id: newId(),
    networkId: topic.networkId,
    topicId: topic.id,
    authorId,
    isOpening: isOpening ? 1 : 0,
    bodySource: prepared.source,
    bodyHtml: prepared.html,
    mentions: JSON.stringify(prepared.mentions),
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    hiddenAt: null,
    hiddenBy: null,
    createdAt: now,
  };
}

/**
 * Attaches uploads to a new post, inside the transaction that writes it: ATTACHMENT_INVALID (which
 * rolls the post back) unless every one is its author's own upload and not attached yet.
 */
export async function attachUploads(tx: AppContext, post: PostRow, attachmentIds: string[]): Promise<void> {
  if (!(await claimAttachments(tx.database.db, post, attachmentIds)))
    throw new AppError('ATTACHMENT_INVALID', 400);
}
