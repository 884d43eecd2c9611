import { type ChangeMemberBody, LEAVE_MAX_DAYS } from '../../../common/contracts/networks.ts';
import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';
import { isMetaMentor, levelForRole } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import {
  announceClosedPairings,
  type ClosedPairings,
  closeDepartedMemberPairings,
} from '../buddies/index.ts';
import { forgetHelperRankings } from '../help-requests/index.ts';
import {
  countActiveMembers,
  findMembership,
  getStandings,
  listActiveMembers,
  type MembershipRow,
  type NetworkRow,
  publishMembershipChanged,
  saveMembership,
  setMembershipLeave,
  updateMembership,
} from '../networks/index.ts';

export interface AddMemberInput {
  network: NetworkRow;
  userId: string;
  role: NetworkRole;
  level?: MentorLevel | null;
  actorId: string | null;
  /** How they came in, for the audit log: 'invitation', 'application', 'appointment', 'seed'. */
  via: string;
  details?: Record<string, unknown>;
}

/**
 * Makes a user an active member (or re-activates a former one) as part of the caller's
 * transaction, and writes the join to the audit log. Throws ALREADY_MEMBER when they are active
 * already. The caller tells the member's sockets once the transaction is committed
 * (publishMembershipChanged); outside a transaction, use addMember.
 */
export async function admitMember(tx: AppContext, input: AddMemberInput): Promise<MembershipRow> {
  const existing = await findMembership(tx, input.network.id, input.userId);
  if (existing?.status === 'active') throw new AppError('ALREADY_MEMBER', 409);
  const now = isoNow();
  const level = levelForRole(input.role, input.level);
  const row: MembershipRow = {
    id: existing?.id ?? newId(),
    networkId: input.network.id,
    userId: input.userId,
    role: input.role,
    level,
    status: 'active',
    joinedAt: now,
    endedAt: null,
    endReason: null,
    suspendedUntil: existing?.suspendedUntil ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await saveMembership(tx, row);
  await recordAudit(tx, {
    networkId: input.network.id,
    actorId: input.actorId,
    subjectUserId: input.userId,
    action: 'member.joined',
    details: { role: input.role, level, via: input.via, ...input.details },
  });
  return row;
}

/** Makes a user an active member (see admitMember) in a transaction of its own, then tells their sockets. */
export async function addMember(ctx: AppContext, input: AddMemberInput): Promise<MembershipRow> {
  const row = await withTransaction(ctx, (tx) => admitMember(tx, input));
  await publishMembershipChanged(ctx, input.network.id, input.userId);
  return row;
}

async function activeMembershipOf(
  ctx: AppContext,
  network: NetworkRow,
  userId: string,
): Promise<MembershipRow> {
  const membership = await findMembership(ctx, network.id, userId);
  if (membership?.status !== 'active') throw new AppError('NOT_A_MEMBER', 404);
  return membership;
}

/** Refuses a change that would leave the network without an active meta-mentor. */
async function assertKeepsMetaMentor(ctx: AppContext, network: NetworkRow, membership: MembershipRow) {
  if (!isMetaMentor(membership)) return;
  if ((await countActiveMembers(ctx, network.id, 'meta_mentor')) <= 1) {
    throw new AppError('LAST_META_MENTOR', 409);
  }
}

/** A member leaves the network on their own. */
export async function leaveNetwork(ctx: AppContext, network: NetworkRow, userId: string): Promise<void> {
  const pairings = await withTransaction(ctx, (tx) => endMembershipAsLeft(tx, network, userId, userId));
  await publishMembershipChanged(ctx, network.id, userId);
  await announceClosedPairings(ctx, pairings);
}

/**
 * Ends a membership as "left" inside the caller's transaction: the audit log says who recorded it
 * (the member, or staff recording a departure, B6), and the member's open buddy pairings close
 * with `closeNote` for the buddies. The caller publishes the change and announces the pairings
 * once the transaction is committed (publishMembershipChanged, announceClosedPairings).
 */
export async function endMembershipAsLeft(
  tx: AppContext,
  network: NetworkRow,
  userId: string,
  actorId: string,
  closeNote = '',
): Promise<ClosedPairings> {
  const membership = await activeMembershipOf(tx, network, userId);
  await assertKeepsMetaMentor(tx, network, membership);
  const now = isoNow();
  await updateMembership(tx, membership.id, { status: 'left', endedAt: now, updatedAt: now });
  await recordAudit(tx, {
    networkId: network.id,
    actorId,
    subjectUserId: userId,
    action: 'member.left',
    details: { role: membership.role },
  });
  return closeDepartedMemberPairings(tx, network, userId, actorId, closeNote);
}

/**
 * The member says they are on leave until a day (inclusive), or back (null): while on leave they are
 * not suggested as a helper or buddy, and the directory and their profile say so. The day is from
 * today (UTC) up to LEAVE_MAX_DAYS ahead; anything else is LEAVE_DATE_INVALID.
 */
export async function setLeave(
  ctx: AppContext,
  network: NetworkRow,
  userId: string,
  until: string | null,
): Promise<string | null> {
  const now = Date.now();
  const today = isoNow(now).slice(0, 10);
  const latest = isoNow(now + LEAVE_MAX_DAYS * DAY).slice(0, 10);
  if (until !== null && (until < today || until > latest)) throw new AppError('LEAVE_DATE_INVALID', 400);
  const membership = await activeMembershipOf(ctx, network, userId);
  await setMembershipLeave(ctx, membership.id, until, isoNow(now));
  forgetHelperRankings(ctx);
  return until;
}

/** The member's leave in the network when it lasts until today or later, else null. */
export async function getLeave(ctx: AppContext, network: NetworkRow, userId: string): Promise<string | null> {
  const membership = (await activeMembershipOf(ctx, network, userId)) as MembershipRow & {
    leaveUntil?: string | null;
  };
  const until = membership.leaveUntil ?? null;
  return until && until >= isoNow().slice(0, 10) ? until : null;
}

/** A meta-mentor removes a member, giving a reason. */
export async function removeMember(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  userId: string,
  reason: string,
): Promise<void> {
  const pairings = await withTransaction(ctx, async (tx) => {
    const membership = await activeMembershipOf(tx, network, userId);
    await assertKeepsMetaMentor(tx, network, membership);
    const now = isoNow();
    await updateMembership(tx, membership.id, {
      status: 'removed',
      endedAt: now,
      endReason: reason,
      updatedAt: now,
    });
    await recordAudit(tx, {
      networkId: network.id,
      actorId,
      subjectUserId: userId,
      action: 'member.removed',
      details: { role: membership.role, reason },
    });
    return closeDepartedMemberPairings(tx, network, userId, actorId);
  });
  await publishMembershipChanged(ctx, network.id, userId);
  await announceClosedPairings(ctx, pairings);
}

/** Changes a member's role and/or mentor level. */
export async function changeMember(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  userId: string,
  body: ChangeMemberBody,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const membership = await activeMembershipOf(tx, network, userId);
    const role = body.role ?? membership.role;
    if (!isMetaMentor({ role })) await assertKeepsMetaMentor(tx, network, membership);
    const level = levelForRole(role, body.level, membership.level);
    await updateMembership(tx, membership.id, { role, level, updatedAt: isoNow() });
    await recordAudit(tx, {
      networkId: network.id,
      actorId,
      subjectUserId: userId,
      action: 'member.role_changed',
      details: { from: { role: membership.role, level: membership.level }, to: { role, level } },
    });
  });
}

/** An active member as the member list reads them. */
export type ActiveMember = Awaited<ReturnType<typeof listActiveMembers>>[number];

/** A page of active members and which of them accepted the network's current documents. */
export interface MemberPage {
  rows: ActiveMember[];
  acceptedBy: ReadonlySet<string>;
  nextCursor: string | null;
}

/** A page of active members (by join time) with whether each accepted the current documents. */
export async function listMembers(
  ctx: AppContext,
  network: NetworkRow,
  query: { role?: NetworkRole; q?: string; cursor?: string; limit: number },
): Promise<MemberPage> {
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await listActiveMembers(ctx, network.id, {
    role: query.role,
    name: query.q || undefined,
    after,
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.joinedAt, r.id]);
  const standings = await getStandings(
    ctx,
    page.map((r) => r.userId),
  );
  const acceptedBy = new Set(
    page
      .filter((r) => standings.get(r.userId)?.find((s) => s.networkId === network.id)?.acceptedCurrent)
      .map((r) => r.userId),
  );
  return { rows: page, acceptedBy, nextCursor };
}
