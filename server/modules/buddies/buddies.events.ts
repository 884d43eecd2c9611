import type { BuddyPairStatus } from '../../../common/buddies.ts';
import { managesBuddies } from '../../../common/policies/buddies.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import { getStandingsOf, type NetworkRow } from '../networks/index.ts';
import { type NotifyInput, notify } from '../notifications/index.ts';

/**
 * Pairing events go to the rooms of the pairing's two people and to the buddy room of its network,
 * which only the sockets of those who manage buddy pairing there join. They carry ids only: each
 * client loads the pairing again, as its viewer may see it.
 */
export const buddyRoom = (networkId: string) => `buddies:${networkId}`;

/** A user's sockets join the buddy room of every network where they manage buddy pairing. */
export function registerBuddyRooms(ctx: AppContext): void {
  ctx.realtime.addRoomResolver(async (userId) =>
    (await getStandingsOf(ctx, userId))
      .filter((s) => takesPart(s) && managesBuddies(s))
      .map((s) => buddyRoom(s.networkId)),
  );
}

/** Tells the two people of a pairing, and those who manage pairing in its network, that it changed. */
export async function publishPairChanged(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  pair: { id: string; status: BuddyPairStatus; beginnerId: string; mentorId: string | null },
): Promise<void> {
  const event = realtimeEvent('buddy.changed', {
    networkId: network.id,
    networkSlug: network.slug,
    pairId: pair.id,
    status: pair.status,
  });
  const targets = [rooms.user(pair.beginnerId), buddyRoom(network.id)];
  if (pair.mentorId) targets.push(rooms.user(pair.mentorId));
  // The pairing is saved by now: a failing fan-out is logged, never an error for whoever changed it.
  for (const room of targets) {
    try {
      await ctx.realtime.publish(room, event);
    } catch (err) {
      ctx.log.warn({ err, room }, 'realtime publish failed');
    }
  }
}

/** Notifies each of the people once (notify skips whoever acted), with their e-mail settings. */
export async function notifyPeople(
  ctx: AppContext,
  userIds: (string | null | undefined)[],
  input: Omit<NotifyInput, 'userId'>,
): Promise<void> {
  const unique = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  for (const userId of unique) await notify(ctx, { ...input, userId });
}
