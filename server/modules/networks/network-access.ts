import {
  canInNetwork,
  canSeeNetwork,
  NETWORK_ACTIONS,
  type NetworkAction,
  type NetworkActor,
} from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import type { UserRow } from '../users/users.table.ts';
import { findNetworkForUser } from './networks.repository.ts';
import type { MembershipRow, NetworkRow } from './networks.table.ts';

/** A network as one caller sees it: who they are there and what they may do. */
export interface NetworkAccess {
  network: NetworkRow;
  actor: NetworkActor;
  /** The caller's active membership, if any. */
  membership: MembershipRow | null;
  user: UserRow | null;
}

/** Works out the caller's standing in a network; 404 when it does not exist or is hidden from them. */
export async function loadNetworkAccess(
  ctx: AppContext,
  auth: SessionContext | null,
  slug: string,
): Promise<NetworkAccess> {
  const db = ctx.database.db;
  const user = auth?.user ?? null;
  const found = await findNetworkForUser(db, slug, user?.id ?? null);
  if (!found) throw notFound();
  const { network, membership, orgAdmin } = found;
  const acceptedCurrent = user !== null && found.acceptedCurrent;
  const actor: NetworkActor = {
    signedIn: user !== null,
    platformAdmin: user?.isPlatformAdmin === 1,
    orgAdmin,
    role: membership?.role ?? null,
    acceptedCurrent,
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
  if (canInNetwork(actor, action, network.visibility)) return;
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

/** Like authorizeNetwork, but also returns the signed-in user (for actions that need one). */
export function requireNetworkUser(access: NetworkAccess, action: NetworkAction): UserRow {
  authorizeNetwork(access, action);
  if (!access.user) throw unauthenticated();
  return access.user;
}

/** Every action the caller may perform, for the UI. */
export function permittedActions(access: NetworkAccess): NetworkAction[] {
  return NETWORK_ACTIONS.filter((a) => canInNetwork(access.actor, a, access.network.visibility));
}
