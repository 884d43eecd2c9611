import { canInNetwork, type NetworkActor } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { getStandings, type NamedStanding } from '../networks/index.ts';
import { listSharedNetworks } from './messages.repository.ts';

/**
 * The messaging rule: two people may message each other when they share at least one network in
 * which both may `messages.send` (active members who accepted its current agreement). It is the
 * membership that counts: admins of an organisation who are not members do not qualify.
 */
export async function reachableUsers(
  ctx: AppContext,
  userId: string,
  others: string[],
): Promise<Set<string>> {
  const db = ctx.database.db;
  const rows = await listSharedNetworks(db, userId, others);
  // Everyone's acceptance of every network's current documents, in one query.
  const standings =
    rows.length > 0 ? await getStandings(ctx, [userId, ...others]) : new Map<string, NamedStanding[]>();
  const hasAccepted = async (networkId: string, who: string): Promise<boolean> =>
    standings.get(who)?.some((s) => s.networkId === networkId && s.acceptedCurrent) ?? false;
  const actor = (role: NetworkActor['role'], acceptedCurrent: boolean): NetworkActor => ({
    signedIn: true,
    platformAdmin: false,
    orgAdmin: false,
    role,
    acceptedCurrent,
  });
  const reachable = new Set<string>();
  for (const row of rows) {
    if (reachable.has(row.otherId)) continue;
    const [mine, theirs] = await Promise.all([
      hasAccepted(row.networkId, userId),
      hasAccepted(row.networkId, row.otherId),
    ]);
    if (
      canInNetwork(actor(row.myRole, mine), 'messages.send', row.visibility) &&
      canInNetwork(actor(row.otherRole, theirs), 'messages.send', row.visibility)
    ) {
      reachable.add(row.otherId);
    }
  }
  return reachable;
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
