import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import { getStandingsOf } from './network-access.ts';

/**
 * Someone's standing in a network changed (joined, left, removed, accepted the agreement): their
 * sockets re-evaluate which rooms they belong in. Without a user, every socket in the network's
 * room does (a new agreement version: nobody has accepted it yet).
 */
export async function publishMembershipChanged(
  ctx: AppContext,
  networkId: string,
  userId: string | null,
): Promise<void> {
  const room = userId ? rooms.user(userId) : rooms.network(networkId);
  await ctx.realtime.publish(room, realtimeEvent('membership.changed', { networkId }));
}

/**
 * A user's sockets are in the room of every network they take part in (active member who accepted
 * the current agreement): discussion and announcement events go there.
 */
export function registerNetworkRooms(ctx: AppContext): void {
  ctx.realtime.addRoomResolver(async (userId) =>
    (await getStandingsOf(ctx, userId)).filter(takesPart).map((s) => rooms.network(s.networkId)),
  );
}
