import type { ChangeMemberBody, Member } from '../../../common/contracts/networks.ts';
import type { MentorLevel, NetworkRole } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import {
  countActiveMembers,
  findMembership,
  getStandings,
  listActiveMembers,
  type MembershipRow,
  type NetworkRow,
  publishMembershipChanged,
  saveMembership,
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
 * Makes a user an active member (or re-activates a former one). Throws ALREADY_MEMBER when they
 * are active already. Every join is written to the audit log.
 */
export async function addMember(ctx: AppContext, input: AddMemberInput): Promise<MembershipRow> {
  const existing = await findMembership(ctx, input.network.id, input.userId);
  if (existing?.status === 'active') throw new AppError('ALREADY_MEMBER', 409);
  const now = isoNow();
  const level = input.role === 'mentor' ? (input.level ?? 'beginner') : (input.level ?? null);
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
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await saveMembership(ctx, row);
  await recordAudit(ctx, {
    networkId: input.network.id,
    actorId: input.actorId,
    subjectUserId: input.userId,
    action: 'member.joined',
    details: { role: input.role, level, via: input.via, ...input.details },
  });
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
  if (membership.role !== 'meta_mentor') return;
  if ((await countActiveMembers(ctx, network.id, 'meta_mentor')) <= 1) {
    throw new AppError('LAST_META_MENTOR', 409);
  }
}

/** A member leaves the network on their own. */
export async function leaveNetwork(ctx: AppContext, network: NetworkRow, userId: string): Promise<void> {
  const membership = await activeMembershipOf(ctx, network, userId);
  await assertKeepsMetaMentor(ctx, network, membership);
  const now = isoNow();
  await updateMembership(ctx, membership.id, { status: 'left', endedAt: now, updatedAt: now });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId: userId,
    subjectUserId: userId,
    action: 'member.left',
    details: { role: membership.role },
  });
  await publishMembershipChanged(ctx, network.id, userId);
}

/** A meta-mentor removes a member, giving a reason. */
export async function removeMember(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  userId: string,
  reason: string,
): Promise<void> {
  const membership = await activeMembershipOf(ctx, network, userId);
  await assertKeepsMetaMentor(ctx, network, membership);
  const now = isoNow();
  await updateMembership(ctx, membership.id, {
    status: 'removed',
    endedAt: now,
    endReason: reason,
    updatedAt: now,
  });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    subjectUserId: userId,
    action: 'member.removed',
    details: { role: membership.role, reason },
  });
  await publishMembershipChanged(ctx, network.id, userId);
}

/** Changes a member's role and/or mentor level. */
export async function changeMember(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  userId: string,
  body: ChangeMemberBody,
): Promise<void> {
  const membership = await activeMembershipOf(ctx, network, userId);
  const role = body.role ?? membership.role;
  if (role !== 'meta_mentor') await assertKeepsMetaMentor(ctx, network, membership);
  const level = role === 'mentor' ? (body.level ?? membership.level ?? 'beginner') : (body.level ?? null);
  await updateMembership(ctx, membership.id, { role, level, updatedAt: isoNow() });
  await recordAudit(ctx, {
    networkId: network.id,
    actorId,
    subjectUserId: userId,
    action: 'member.role_changed',
    details: { from: { role: membership.role, level: membership.level }, to: { role, level } },
  });
}

/** A page of active members with whether each accepted the current documents. */
export async function listMembers(
  ctx: AppContext,
  network: NetworkRow,
  query: { role?: NetworkRole; cursor?: string; limit: number },
): Promise<{ members: Member[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await listActiveMembers(ctx, network.id, { role: query.role, after, limit: query.limit + 1 });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.joinedAt, r.id]);
  const standings = await getStandings(
    ctx,
    page.map((r) => r.userId),
  );
  const acceptedBy = (userId: string) =>
    standings.get(userId)?.find((s) => s.networkId === network.id)?.acceptedCurrent ?? false;
  return {
    members: page.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      role: r.role,
      level: r.level,
      joinedAt: r.joinedAt,
      acceptedCurrent: acceptedBy(r.userId),
    })),
    nextCursor,
  };
}
