import type { AppContext } from '../../context.ts';
import { hasAcceptedCurrent } from '../../modules/documents/documents.repository.ts';
import { listConversationIdsOf } from '../../modules/messages/messages.repository.ts';
import { rooms } from './realtime.hub.ts';
import { listActiveNetworkIdsOf } from './realtime.repository.ts';

/**
 * The rooms a user's sockets belong in: their own user room, the rooms of networks where they are
 * an active member who accepted the current agreement, and their conversations.
 */
export async function roomsForUser(ctx: AppContext, userId: string): Promise<Set<string>> {
  const db = ctx.database.db;
  const [networkIds, conversationIds] = await Promise.all([
    listActiveNetworkIdsOf(db, userId),
    listConversationIdsOf(db, userId),
  ]);
  const accepted = await Promise.all(networkIds.map((id) => hasAcceptedCurrent(db, id, userId)));
  return new Set([
    rooms.user(userId),
    ...networkIds.filter((_, i) => accepted[i]).map((id) => rooms.network(id)),
    ...conversationIds.map((id) => rooms.conversation(id)),
  ]);
}
