import type { AppContext } from '../../context.ts';
import { listLastMessageTimes } from './messages.repository.ts';

/**
 * When each conversation last had a message, by conversation id (those without one are missing):
 * how other features tell whether people kept in touch, without reading what they wrote.
 */
export async function getLastMessageTimes(
  ctx: AppContext,
  conversationIds: string[],
): Promise<Map<string, string>> {
  const rows = await listLastMessageTimes(ctx.database.db, [...new Set(conversationIds)]);
  return new Map(rows.map((r) => [r.conversationId, new Date(r.lastAt as string).toISOString()]));
}
