import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import { handOverRequest, listOpenRequestsOf } from './help-requests.repository.ts';

/** A member's unresolved requests in a network, for the handover form when they leave (B6). */
export async function openHelpRequestsOf(
  ctx: AppContext,
  networkId: string,
  userId: string,
): Promise<{ id: string; title: string }[]> {
  return listOpenRequestsOf(ctx.database.db, networkId, userId);
}

/**
 * Passes a leaving member's unresolved requests to the members named, inside the caller's
 * transaction: each becomes the new member's own request. HANDOVER_INVALID when one is not an
 * unresolved request of the leaving member in that network.
 */
export async function handOverHelpRequests(
  tx: AppContext,
  networkId: string,
  fromId: string,
  items: { id: string; toUserId: string }[],
): Promise<void> {
  const now = isoNow();
  for (const item of items) {
    const moved = await handOverRequest(
      tx.database.db,
      { networkId, id: item.id, fromId },
      item.toUserId,
      now,
    );
    if (!moved) throw new AppError('HANDOVER_INVALID', 400);
  }
}
