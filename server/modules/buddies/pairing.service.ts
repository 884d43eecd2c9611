import type { CreateBuddyPairBody, UpdateBuddyPairBody } from '../../../common/contracts/buddies.ts';
import {
  canAnswerPair,
  canEndPair,
  canRequestPairFor,
  canWithdrawPair,
  isPairBeginner,
  isStaffAct,
  needsMentorNamed,
  otherOfPair,
} from '../../../common/policies/buddies.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { openDirectConversation } from '../messages/index.ts';
import { getMatchFacts, setLookingForBuddy } from '../profiles/index.ts';
import { notifyPeople, publishPairChanged } from './buddies.events.ts';
import { findOpenPairOf, insertPair, setPairConversation, updatePairIf } from './buddies.repository.ts';
import { assertPairable, type BuddyActor, listBuddyManagers, loadPair } from './buddies.service.ts';
import type { BuddyPairListRow, BuddyPairsTable } from './buddies.table.ts';

const changed = () => new AppError('BUDDY_PAIR_CHANGED', 409);
const exists = () => new AppError('BUDDY_PAIR_EXISTS', 409);

/**
 * A beginner asks for a buddy (naming one, or leaving it to the meta-mentor or office), or the
 * meta-mentor or office propose a pairing. A proposal for a beginner whose request is waiting
 * answers that request. Returns the pairing's id.
 */
export async function createBuddyPair(
  ctx: AppContext,
  actor: BuddyActor,
  body: CreateBuddyPairBody,
): Promise<string> {
  const { viewer, network, user } = actor;
  const beginnerId = body.beginnerId ?? viewer.userId;
  const mentorId = body.mentorId ?? null;
  if (!canRequestPairFor(viewer, beginnerId)) throw forbidden();
  if (!mentorId && needsMentorNamed(viewer, beginnerId)) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['mentorId'], code: 'required', message: 'name the experienced mentor to propose' },
    ]);
  }
  await assertPairable(ctx, network.id, beginnerId, mentorId);
  const now = isoNow();
  const asking = isPairBeginner(viewer, { beginnerId });
  // A beginner may name only someone who said they are open to being a buddy; the meta-mentor or
  // office may still propose anyone (the mentor then accepts or declines).
  if (asking && mentorId && !(await getMatchFacts(ctx, [mentorId])).get(mentorId)?.openToBuddy) {
    throw new AppError('BUDDY_NOT_OPEN', 409);
  }
  const open = await findOpenPairOf(ctx.database.db, network.id, beginnerId);
  let id: string;
  if (open) {
    // Only a waiting request can still get a buddy named; anything else is one pairing too many.
    if (open.status !== 'requested' || !mentorId) throw exists();
    id = open.id;
    const named = await updatePairIf(ctx.database.db, id, ['requested'], {
      mentorId,
      status: 'proposed',
      note: body.note || open.note,
      proposedAt: now,
      updatedAt: now,
    });
    if (!named) throw exists();
  } else {
    id = newId();
    const row: BuddyPairsTable = {
      id,
      networkId: network.id,
      beginnerId,
      mentorId,
      status: mentorId ? 'proposed' : 'requested',
      origin: asking ? 'beginner' : 'staff',
      requestedBy: user.id,
      note: body.note,
      createdAt: now,
      proposedAt: mentorId ? now : null,
      activatedAt: null,
      closedAt: null,
      closedBy: null,
      closeNote: '',
      closeReason: null,
      conversationId: null,
      lastReminderAt: null,
      updatedAt: now,
    };
    if (!(await insertPair(ctx.database.db, row))) throw exists();
  }
  if (!asking) {
    await recordAudit(ctx, {
      networkId: network.id,
      actorId: user.id,
      subjectUserId: beginnerId,
      action: 'buddy.proposed',
      details: { pairId: id, mentorId },
    });
  }
  const pair = { id, beginnerId, mentorId, status: mentorId ? 'proposed' : 'requested' } as const;
  await publishPairChanged(ctx, network, pair);
  if (mentorId) {
    // The buddy is asked; a beginner who did not ask themselves learns of the proposal too.
    await notifyPeople(ctx, [mentorId, beginnerId], {
      kind: 'buddy_proposed',
      networkId: network.id,
      actorId: user.id,
    });
  } else {
    await notifyPeople(ctx, await listBuddyManagers(ctx, network.id), {
      kind: 'buddy_requested',
      networkId: network.id,
      actorId: user.id,
    });
  }
  return id;
}

/** Answers a proposal (accept or decline) or ends an active pairing, as the body says. */
export function updateBuddyPair(
  ctx: AppContext,
  actor: BuddyActor,
  id: string,
  body: UpdateBuddyPairBody,
): Promise<void> {
  switch (body.status) {
    case 'active':
      return acceptPair(ctx, actor, id);
    case 'declined':
      return declinePair(ctx, actor, id, body.note);
    case 'ended':
      return endPair(ctx, actor, id, body.note);
  }
}

/** 409 when the pairing has moved past the change (answered, ended), else 403 for someone not entitled. */
function refuse(pair: BuddyPairListRow, stillPossibleIn: readonly string[]): never {
  throw stillPossibleIn.includes(pair.status) ? forbidden() : changed();
}

/**
 * The buddy accepts: the pairing is active, the two get their direct conversation, the beginner is
 * no longer "looking for a buddy", and the beginner (and whoever proposed it) is told.
 */
async function acceptPair(ctx: AppContext, actor: BuddyActor, id: string): Promise<void> {
  const { network, user } = actor;
  const pair = await loadPair(ctx, actor, id);
  if (!canAnswerPair(actor.viewer, pair)) refuse(pair, ['proposed']);
  const mentorId = pair.mentorId as string;
  await assertPairable(ctx, network.id, pair.beginnerId, mentorId);
  const now = isoNow();
  const accepted = await updatePairIf(ctx.database.db, id, ['proposed'], {
    status: 'active',
    activatedAt: now,
    updatedAt: now,
  });
  if (!accepted) throw changed();
  let conversationId: string | null = null;
  try {
    conversationId = (await openDirectConversation(ctx, mentorId, pair.beginnerId)).conversation.id;
    await setPairConversation(ctx.database.db, id, conversationId);
  } catch (err) {
    // The pairing stands; the two can still start their conversation themselves.
    ctx.log.error({ err, pairId: id }, 'buddy conversation not started');
  }
  await setLookingForBuddy(ctx, pair.beginnerId, false);
  await publishPairChanged(ctx, network, { ...pair, status: 'active' });
  await notifyPeople(ctx, [pair.beginnerId, pair.requestedBy], {
    kind: 'buddy_accepted',
    networkId: network.id,
    actorId: user.id,
    conversationId,
  });
}

/**
 * The buddy declines, with an optional note. A beginner who asked keeps asking: their request
 * opens again for the meta-mentor or office to name someone else.
 */
async function declinePair(ctx: AppContext, actor: BuddyActor, id: string, note: string): Promise<void> {
  const { network, user } = actor;
  const pair = await loadPair(ctx, actor, id);
  if (!canAnswerPair(actor.viewer, pair)) refuse(pair, ['proposed']);
  const now = isoNow();
  const reopened = pair.origin === 'beginner' ? newId() : null;
  await withTransaction(ctx, async (tx) => {
    const declined = await updatePairIf(tx.database.db, id, ['proposed'], {
      status: 'declined',
      closedAt: now,
      closedBy: user.id,
      closeNote: note,
      updatedAt: now,
    });
    if (!declined) throw changed();
    if (reopened) {
      await insertPair(tx.database.db, {
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
    }
  });
  await publishPairChanged(ctx, network, { ...pair, status: 'declined' });
  if (reopened) {
    await publishPairChanged(ctx, network, { ...pair, id: reopened, mentorId: null, status: 'requested' });
  }
  await notifyPeople(ctx, [pair.beginnerId, pair.requestedBy], {
    kind: 'buddy_declined',
    networkId: network.id,
    actorId: user.id,
  });
}

/** Either buddy, or the meta-mentor or office, ends an active pairing; the history stays. */
async function endPair(ctx: AppContext, actor: BuddyActor, id: string, note: string): Promise<void> {
  const { network, user, viewer } = actor;
  const pair = await loadPair(ctx, actor, id);
  if (!canEndPair(viewer, pair)) refuse(pair, ['active']);
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    const ended = await updatePairIf(tx.database.db, id, ['active'], {
      status: 'ended',
      closedAt: now,
      closedBy: user.id,
      closeNote: note,
      updatedAt: now,
    });
    if (!ended) throw changed();
    if (isStaffAct(viewer, pair)) {
      await recordAudit(tx, {
        networkId: network.id,
        actorId: user.id,
        subjectUserId: pair.beginnerId,
        action: 'buddy.ended',
        details: { pairId: id, mentorId: pair.mentorId, note },
      });
    }
  });
  await publishPairChanged(ctx, network, { ...pair, status: 'ended' });
  // The buddy who did not end it learns of it (both, when the meta-mentor or office ended it).
  const told = isStaffAct(viewer, pair) ? [pair.beginnerId, pair.mentorId] : [otherOfPair(user.id, pair)];
  await notifyPeople(ctx, told, { kind: 'buddy_ended', networkId: network.id, actorId: user.id });
}

/** The beginner, or the meta-mentor or office, takes back a request or a proposal without an answer. */
export async function withdrawBuddyPair(ctx: AppContext, actor: BuddyActor, id: string): Promise<void> {
  const { network, user, viewer } = actor;
  const pair = await loadPair(ctx, actor, id);
  if (!canWithdrawPair(viewer, pair)) refuse(pair, ['requested', 'proposed']);
  const now = isoNow();
  await withTransaction(ctx, async (tx) => {
    const withdrawn = await updatePairIf(tx.database.db, id, ['requested', 'proposed'], {
      status: 'withdrawn',
      closedAt: now,
      closedBy: user.id,
      updatedAt: now,
    });
    if (!withdrawn) throw changed();
    if (isStaffAct(viewer, pair)) {
      await recordAudit(tx, {
        networkId: network.id,
        actorId: user.id,
        subjectUserId: pair.beginnerId,
        action: 'buddy.withdrawn',
        details: { pairId: id, mentorId: pair.mentorId },
      });
    }
  });
  await publishPairChanged(ctx, network, { ...pair, status: 'withdrawn' });
}
