import type { RsvpCounts } from '../../../common/contracts/events.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import type { NetworkRow } from '../networks/index.ts';

/**
 * Event news goes to the network's room, which the sockets of those who take part in it join:
 * counts travel with the event (they are the same for every reader); anything else is ids only,
 * and clients load the event again as their viewer may see it.
 */
async function publishSafely(ctx: AppContext, room: string, event: ReturnType<typeof realtimeEvent>) {
  // The change is saved by now: a failing fan-out is logged, never an error for whoever acted.
  try {
    await ctx.realtime.publish(room, event);
  } catch (err) {
    ctx.log.warn({ err, room }, 'realtime publish failed');
  }
}

/** The RSVP counts of an event changed. */
export function publishRsvpChanged(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  eventId: string,
  counts: RsvpCounts,
): Promise<void> {
  return publishSafely(
    ctx,
    rooms.network(network.id),
    realtimeEvent('event.rsvp_changed', {
      networkId: network.id,
      networkSlug: network.slug,
      eventId,
      counts,
    }),
  );
}

/** An event was created, changed, cancelled or deleted. */
export function publishEventChanged(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  eventId: string,
): Promise<void> {
  return publishSafely(
    ctx,
    rooms.network(network.id),
    realtimeEvent('event.changed', { networkId: network.id, networkSlug: network.slug, eventId }),
  );
}
