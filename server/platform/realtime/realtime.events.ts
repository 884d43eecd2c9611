import type { ServerEvents } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import { rooms } from './realtime.hub.ts';

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
  const data: ServerEvents['membership.changed'] = { networkId };
  const room = userId ? rooms.user(userId) : rooms.network(networkId);
  await ctx.realtime.publish(room, { type: 'membership.changed', data });
}
