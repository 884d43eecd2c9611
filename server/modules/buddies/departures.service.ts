import type { BuddyCloseReason, BuddyPairStatus } from '../../../common/buddies.ts';
import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { NetworkRow } from '../networks/index.ts';
import { notifyPeople, publishPairChanged } from './buddies.events.ts';
import { insertPair, listOpenPairsNaming, updatePairIf } from './buddies.repository.ts';

/** A pairing that changed because someone is no longer a member, as it stands now. */
interface ChangedPair {
  id: string;
  status: BuddyPairStatus;
  beginnerId: string;
  mentorId: string | null;
}

/** What closeDepartedMemberPairings changed, for announceClosedPairings once it is committed. */
export interface ClosedPairings {
  network: Pick<NetworkRow, 'id' | 'slug'>;
  /** The member who is no longer one. */
  userId: string;
  changed: ChangedPair[];
  /** The other buddy of each pairing that ended (they are told as on an ending). */
  toTell: string[];
}

/**
 * A member left the network or was removed: their open pairings there close, inside the caller's
 * transaction. Active pairings end and unanswered requests and proposals are withdrawn, each with
 * the reason as a system note (never who removed them). A beginner whose own request had been
 * passed to a buddy who is now gone keeps asking: the request opens again, as after a decline.
 * `actorId` is who acted (the member leaving, or whoever removed them), for the audit log;
 * `closeNote` is what staff wrote for the buddies when they recorded the departure (B6).
 */
export async function closeDepartedMemberPairings(
  tx: AppContext,
  network: Pick<NetworkRow, 'id' | 'slug'>,
  userId: string,
  actorId: string,
  closeNote = '',
): Promise<ClosedPairings> {
  const result: ClosedPairings = { network, userId, changed: [], toTell: [] };
  const pairs = await listOpenPairsNaming(tx.database.db, network.id, userId);
  const now = isoNow();
  for (const pair of pairs) {
    const asBeginner = pair.beginnerId === userId;
    const closeReason: BuddyCloseReason = asBeginner ? 'beginner_not_member' : 'mentor_not_member';
    const status = pair.status === 'active' ? 'ended' : 'withdrawn';
    const closed = await updatePairIf(tx.database.db, pair.id, [pair.status], {
      status,
      closedAt: now,
      closedBy: userId,
      closeReason,
      ...(closeNote && { closeNote }),
      updatedAt: now,
    });
    if (!closed) continue;
    await recordAudit(tx, {
      networkId: network.id,
      actorId,
      subjectUserId: pair.beginnerId,
      action: status === 'ended' ? 'buddy.ended' : 'buddy.withdrawn',
      details: { pairId: pair.id, mentorId: pair.mentorId, reason: closeReason },
    });
    result.changed.push({ ...pair, status });
    if (status === 'ended') result.toTell.push(asBeginner ? (pair.mentorId as string) : pair.beginnerId);
    if (!asBeginner && pair.status === 'proposed' && pair.origin === 'beginner') {
      const reopened = newId();
      const inserted = await insertPair(tx.database.db, {
        id: reopened,
        networkId: network.id,
        beginnerId: pair.beginnerId,
        mentorId: null,
        status: 'requested',
        origin: 'beginner',
        requestedBy: pair.beginnerId,
        note: pair.note,
        createdAt: now,
        proposedAt: null,
        activatedAt: null,
        closedAt: null,
        closedBy: null,
        closeNote: '',
        closeReason: null,
        conversationId: null,
        lastReminderAt: null,
        updatedAt: now,
      });
      if (inserted) {
        result.changed.push({
          id: reopened,
          status: 'requested',
          beginnerId: pair.beginnerId,
          mentorId: null,
        });
      }
    }
  }
  return result;
}

/** Once the closing is committed: the pairings' people and the staff see it, the other buddies are told. */
export async function announceClosedPairings(ctx: AppContext, closed: ClosedPairings): Promise<void> {
  for (const pair of closed.changed) await publishPairChanged(ctx, closed.network, pair);
  await notifyPeople(ctx, closed.toTell, {
    kind: 'buddy_ended',
    networkId: closed.network.id,
    actorId: closed.userId,
  });
}
