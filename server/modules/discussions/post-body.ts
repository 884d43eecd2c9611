import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findActiveMembers } from './posts.repository.ts';
import { findMentions, renderMarkdown } from '../../lib/markdown.ts';

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
export async function prepareBody(db: Kysely<DB>, networkId: string, source: string): Promise<PreparedBody> {
  const mentions = findMentions(source);
  const members = await findActiveMembers(db, networkId, mentions);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const strangers = mentions.filter((id) => !names.has(id));
  if (strangers.length > 0) throw new AppError('MENTION_NOT_MEMBER', 400, { userIds: strangers });
  return { source, html: renderMarkdown(source, names), mentions };
}
