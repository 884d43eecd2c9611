import { canMessageEachOther } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isBlockedBetween } from '../moderation/index.ts';
import { getStandings } from '../networks/index.ts';

/**
 * Of the others, those the user may message (common/policies/standing.ts: both active members who
 * accepted the current agreement of a shared network). Everyone's standing comes in one query.
 */
export async function reachableUsers(
  ctx: AppContext,
  userId: string,
  others: string[],
): Promise<Set<string>> {
  const standings = await getStandings(ctx, [userId, ...others]);
  const mine = standings.get(userId) ?? [];
  return new Set(others.filter((id) => canMessageEachOther(mine, standings.get(id) ?? [])));
}

/** Throws NO_SHARED_NETWORK unless the user may message every one of the others. */
export async function assertCanMessageAll(ctx: AppContext, userId: string, others: string[]): Promise<void> {
  const reachable = await reachableUsers(ctx, userId, others);
  const strangers = others.filter((id) => !reachable.has(id));
  if (strangers.length > 0) throw new AppError('NO_SHARED_NETWORK', 403, { userIds: strangers });
}

/** Throws NO_SHARED_NETWORK unless the user may still message at least one of the others. */
export async function assertCanMessageAny(ctx: AppContext, userId: string, others: string[]): Promise<void> {
  if ((await reachableUsers(ctx, userId, others)).size === 0) throw new AppError('NO_SHARED_NETWORK', 403);
}

/** Throws USER_BLOCKED when either of two people blocked the other: no direct messages between them. */
export async function assertNotBlocked(ctx: AppContext, userId: string, otherId: string): Promise<void> {
  if (await isBlockedBetween(ctx, userId, otherId)) throw new AppError('USER_BLOCKED', 403);
}
