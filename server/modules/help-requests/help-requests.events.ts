import type { HelpRequestStatus } from '../../../common/help-requests.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import type { NetworkRow } from '../networks/index.ts';

/**
 * Help request events go to the network's members room. They carry ids only (never a title or a
 * case text): each client loads the request again, as its viewer may see it.
 */
async function publish(ctx: AppContext, networkId: string, event: ReturnType<typeof realtimeEvent>) {
  // The change is saved by now: a failing fan-out is logged, never an error for whoever made it.
  try {
    await ctx.realtime.publish(rooms.network(networkId), event);
  } catch (err) {
    ctx.log.warn({ err, networkId }, 'realtime publish failed');
  }
}

export function publishHelpChanged(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  request: { id: string; status: HelpRequestStatus },
): Promise<void> {
  return publish(
    ctx,
    network.id,
    realtimeEvent('help.changed', {
      networkId: network.id,
      networkSlug: network.slug,
      requestId: request.id,
      status: request.status,
    }),
  );
}

export function publishHelpActivity(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  activity: { requestId: string; kind: 'response' | 'offer' },
): Promise<void> {
  return publish(
    ctx,
    network.id,
    realtimeEvent('help.activity', { networkId: network.id, networkSlug: network.slug, ...activity }),
  );
}
