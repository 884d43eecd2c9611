import {
  canInNetwork,
  canSeeNetwork,
  NETWORK_ACTIONS,
  type NetworkAction,
  type NetworkActor,
} from '../../../common/permissions.ts';
import { isStoppedBySuspension, type NetworkStanding } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.ts';
import { acceptSession, type SessionContext, sessionTokenHash } from '../../platform/sessions/index.ts';
import { platformActor, type UserRow } from '../users/index.ts';
import type { MembershipRow, NetworkRow } from './networks.table.ts';
import {
  findNetworkForUser,
  findSessionWithNetwork,
  listStandingRows,
  type NetworkStandingRow,
} from './standings.repository.ts';

/** A network as one caller sees it: who they are there and what they may do. */
export interface NetworkAccess {
  network: NetworkRow;
  actor: NetworkActor;
  /** The caller's active membership, if any. */
  membership: MembershipRow | null;
  user: UserRow | null;
}

/**
 * A network's standing read together with the session (see resolveSessionWithNetwork), for
 * loadNetworkAccess to use instead of reading it again: it holds for this user and slug only.
 */
export interface PreloadedStanding {
  userId: string;
  slug: string;
  /** Null: no network has this slug. */
  standing: NetworkStandingRow | null;
}

/**
 * Resolves a session cookie's token for a request to a network route: the session, its user and the
 * user's standing in the network named by the slug, in one statement (the session is then checked as
 * resolveSession checks it). The standing goes to loadNetworkAccess.
 */
export async function resolveSessionWithNetwork(
  ctx: AppContext,
  token: string,
  slug: string,
): Promise<{ auth: SessionContext | null; preloaded: PreloadedStanding | null }> {
  const tokenHash = sessionTokenHash(token);
  if (tokenHash === null) return { auth: null, preloaded: null };
  const row = await findSessionWithNetwork(ctx.database.db, tokenHash, slug);
  if (!row) return { auth: null, preloaded: null };
  const auth = await acceptSession(ctx, row.found);
  if (!auth) return { auth: null, preloaded: null };
  return { auth, preloaded: { userId: auth.user.id, slug, standing: row.standing } };
}

/** Works out the caller's standing in a network; 404 when it does not exist or is hidden from them. */
export async function loadNetworkAccess(
  ctx: AppContext,
  auth: SessionContext | null,
  slug: string,
  preloaded: PreloadedStanding | null = null,
): Promise<NetworkAccess> {
  const user = auth?.user ?? null;
  const found =
    preloaded && user && preloaded.userId === user.id && preloaded.slug === slug
      ? (preloaded.standing ?? undefined)
      : await findNetworkForUser(ctx.database.db, slug, user?.id ?? null);
  if (!found) throw notFound();
  const { network, membership, orgAdmin } = found;
  const actor: NetworkActor = {
    ...platformActor(user, orgAdmin),
    role: membership?.role ?? null,
    acceptedCurrent: user !== null && found.acceptedCurrent,
  };
  if (!canSeeNetwork(actor, network.visibility)) throw notFound();
  return { network, actor, membership, user };
}

/**
 * Throws unless the caller may perform the action: 404 for what they may not even see, 401 when
 * signing in could help, AGREEMENT_REQUIRED for members who must first accept the documents.
 */
export function authorizeNetwork(access: NetworkAccess, action: NetworkAction): void {
  const { actor, network } = access;
  if (canInNetwork(actor, action, network.visibility)) {
    // A member a moderator suspended reads on but may not write or message until the time given.
    if (access.membership && isStoppedBySuspension(access.membership, action))
      throw new AppError('MEMBER_SUSPENDED', 403, { until: access.membership.suspendedUntil });
    return;
  }
  if (!actor.signedIn) throw unauthenticated();
  if (
    actor.role &&
    !actor.acceptedCurrent &&
    canInNetwork({ ...actor, acceptedCurrent: true }, action, network.visibility)
  ) {
    throw new AppError('AGREEMENT_REQUIRED', 403);
  }
  throw forbidden();
}

/** The signed-in user of an access that was authorized for an action that needs one. */
export function requireUser(access: NetworkAccess): UserRow {
  if (!access.user) throw unauthenticated();
  return access.user;
}

/** Whether the caller may perform an action (for answers that tell the web app what to offer). */
export function mayInNetwork(access: NetworkAccess, action: NetworkAction): boolean {
  if (access.membership && isStoppedBySuspension(access.membership, action)) return false;
  return canInNetwork(access.actor, action, access.network.visibility);
}

/** Every action the caller may perform, for the UI. */
export function permittedActions(access: NetworkAccess): NetworkAction[] {
  return NETWORK_ACTIONS.filter((a) => mayInNetwork(access, a));
}

/** A network a user is an active member of, with the network's name and slug for lists. */
export interface NamedStanding extends NetworkStanding {
  slug: string;
  name: string;
}

/**
 * Where each of the given users stands in every network they are an active member of, in one
 * query: the facts the policy layer (common/policies/standing.ts) decides with.
 */
export async function getStandings(
  ctx: AppContext,
  userIds: readonly string[],
): Promise<Map<string, NamedStanding[]>> {
  const rows = await listStandingRows(ctx.database.db, [...new Set(userIds)]);
  const byUser = new Map<string, NamedStanding[]>(userIds.map((id) => [id, []]));
  for (const row of rows) {
    byUser.get(row.userId)?.push({
      networkId: row.networkId,
      slug: row.slug,
      name: row.name,
      role: row.role,
      level: row.level,
      visibility: row.visibility,
      acceptedCurrent: Number(row.missing) === 0,
      suspendedUntil: row.suspendedUntil,
    });
  }
  return byUser;
}

/** Where one user stands in each of their networks (ordered by network name). */
export async function getStandingsOf(ctx: AppContext, userId: string): Promise<NamedStanding[]> {
  return (await getStandings(ctx, [userId])).get(userId) ?? [];
}
