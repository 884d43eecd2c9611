import type { AppContext } from '../../context.ts';
import * as repository from './networks.repository.ts';
import type { MembershipRow } from './networks.table.ts';

/**
 * Memberships as data: the members module holds the rules of joining, changing and leaving and
 * writes through these; everyone else reads who is a member here or through getStandings.
 */

/** A user's membership row in a network (any status). */
export function findMembership(
  ctx: AppContext,
  networkId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return repository.findMembership(ctx.database.db, networkId, userId);
}

/** Creates a membership, or re-activates one that had ended. */
export function saveMembership(ctx: AppContext, row: MembershipRow): Promise<void> {
  return repository.upsertMembership(ctx.database.db, row);
}

/** Changes a membership (role, level, status). */
export function updateMembership(
  ctx: AppContext,
  id: string,
  changes: Partial<Omit<MembershipRow, 'id' | 'networkId' | 'userId'>>,
): Promise<void> {
  return repository.updateMembership(ctx.database.db, id, changes);
}

/** Sets or clears "on leave until" (YYYY-MM-DD, inclusive) of a membership. */
export function setMembershipLeave(
  ctx: AppContext,
  id: string,
  until: string | null,
  now: string,
): Promise<void> {
  return repository.setMembershipLeave(ctx.database.db, id, until, now);
}

/** How many active members a network has, optionally of one role. */
export function countActiveMembers(
  ctx: AppContext,
  networkId: string,
  role?: MembershipRow['role'],
): Promise<number> {
  return repository.countActiveMembers(ctx.database.db, networkId, role);
}

/**
 * Active members of a network with their names, by join time (keyset: after [joinedAt, id]); with
 * `name`, only those whose name contains it (any case).
 */
export function listActiveMembers(
  ctx: AppContext,
  networkId: string,
  options: { role?: MembershipRow['role']; after?: [string, string]; limit: number; name?: string },
) {
  return repository.listActiveMembers(ctx.database.db, networkId, options);
}
