import { type BuddyPairStatus, CLOSED_BUDDY_STATUSES, OPEN_BUDDY_STATUSES } from '../../../common/buddies.ts';
import type { BuddyListQuery } from '../../../common/contracts/buddies.ts';
import {
  type BuddyViewer,
  buddyManagerRoles,
  buddyViewerOf,
  canBePairedAsBeginner,
  canBePairedAsMentor,
  canViewPair,
} from '../../../common/policies/buddies.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { getLastMessageTimes } from '../messages/index.ts';
import { getStandings, type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { findPair, listMemberIdsInRoles, listPairs } from './buddies.repository.ts';
import type { BuddyPairListRow } from './buddies.table.ts';

/** Who acts on pairings, in which network. */
export interface BuddyActor {
  network: NetworkRow;
  user: UserRow;
  viewer: BuddyViewer;
}

/** The caller of an authorized network route as a buddy actor. */
export function buddyActorOf(access: NetworkAccess): BuddyActor {
  const user = requireUser(access);
  return {
    network: access.network,
    user,
    viewer: buddyViewerOf(access.actor, access.network.visibility, user.id),
  };
}

/** A pairing of the network the viewer may see; 404 otherwise (its existence is not revealed). */
export async function loadPair(ctx: AppContext, actor: BuddyActor, id: string): Promise<BuddyPairListRow> {
  const row = await findPair(ctx.database.db, actor.network.id, id);
  if (!row || !canViewPair(actor.viewer, row)) throw notFound();
  return row;
}

/**
 * Checks that the beginner (and the buddy, when named) can be paired in this network now: active
 * members of the right level who accepted the current agreement.
 */
export async function assertPairable(
  ctx: AppContext,
  networkId: string,
  beginnerId: string,
  mentorId: string | null,
): Promise<void> {
  const ids = mentorId ? [beginnerId, mentorId] : [beginnerId];
  const standings = await getStandings(ctx, ids);
  const here = (id: string) => standings.get(id)?.find((s) => s.networkId === networkId);
  if (!canBePairedAsBeginner(here(beginnerId))) throw new AppError('BUDDY_NOT_BEGINNER', 409);
  if (mentorId && !canBePairedAsMentor(here(mentorId))) throw new AppError('BUDDY_NOT_EXPERIENCED', 409);
}

/** When the two people of each active pairing last wrote to each other, by conversation id. */
async function lastContactOf(ctx: AppContext, rows: BuddyPairListRow[]): Promise<Map<string, string>> {
  const ids = rows
    .filter((r) => r.status === 'active' && r.conversationId)
    .map((r) => r.conversationId as string);
  return ids.length ? getLastMessageTimes(ctx, ids) : new Map();
}

/**
 * A page of the network's pairings as the viewer may see them: the meta-mentor and office see all
 * (or their own with `mine`), everyone else their own.
 */
export async function listBuddyPairs(ctx: AppContext, actor: BuddyActor, query: BuddyListQuery) {
  const { viewer } = actor;
  const [beforeId] = (decodeCursor(query.cursor, 1) ?? []) as string[];
  const statuses: readonly BuddyPairStatus[] =
    query.scope === 'open' ? OPEN_BUDDY_STATUSES : CLOSED_BUDDY_STATUSES;
  const own = query.mine === 'true' || !viewer.manages;
  const rows = await listPairs(ctx.database.db, actor.network.id, {
    statuses,
    userId: own ? viewer.userId : undefined,
    beforeId,
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  const visible = page.filter((r) => canViewPair(viewer, r));
  return { rows: visible, lastContact: await lastContactOf(ctx, visible), nextCursor };
}

/** One pairing with its last contact, as the viewer sees it. */
export async function getBuddyPair(ctx: AppContext, actor: BuddyActor, id: string) {
  const row = await loadPair(ctx, actor, id);
  const lastContact = await lastContactOf(ctx, [row]);
  return { row, lastContactAt: row.conversationId ? (lastContact.get(row.conversationId) ?? null) : null };
}

/** Those who manage buddy pairing in the network and take part in it (to tell about a request). */
export async function listBuddyManagers(ctx: AppContext, networkId: string): Promise<string[]> {
  const ids = await listMemberIdsInRoles(ctx.database.db, networkId, buddyManagerRoles());
  const standings = await getStandings(ctx, ids);
  return ids.filter((id) => standings.get(id)?.some((s) => s.networkId === networkId && takesPart(s)));
}
