import type { ProfileVisibilityCode } from '../contracts/profiles.ts';
import { type NetworkStanding, takesPart } from './standing.ts';

/** Who is looking at a profile, as far as its visibility is concerned. */
export interface ProfileViewer {
  signedIn: boolean;
  isSelf: boolean;
  platformAdmin: boolean;
  /**
   * Shares an active membership with the owner in a network whose current agreement the viewer
   * has accepted (members still held at the agreement see nothing of the network's people).
   */
  sharesAcceptedNetwork: boolean;
}

/** The one rule for profiles and avatars; whoever fails it gets a 404, never a hint. */
export function canViewProfile(viewer: ProfileViewer, visibility: ProfileVisibilityCode): boolean {
  if (viewer.isSelf || viewer.platformAdmin) return true;
  switch (visibility) {
    case 'public':
      return true;
    case 'platform':
      return viewer.signedIn;
    case 'network':
      return viewer.signedIn && viewer.sharesAcceptedNetwork;
  }
}

/** Whether answering needs the (costlier) shared-network lookup at all. */
export function needsNetworkCheck(
  viewer: Omit<ProfileViewer, 'sharesAcceptedNetwork'>,
  visibility: ProfileVisibilityCode,
) {
  return visibility === 'network' && viewer.signedIn && !viewer.isSelf && !viewer.platformAdmin;
}

/** Who is looking at whose profile, before any network is consulted. */
export function profileViewerOf(
  viewer: { id: string; platformAdmin: boolean } | null,
  ownerId: string,
): Omit<ProfileViewer, 'sharesAcceptedNetwork'> {
  return {
    signedIn: viewer !== null,
    isSelf: viewer !== null && viewer.id === ownerId,
    platformAdmin: viewer?.platformAdmin ?? false,
  };
}

/**
 * Whether the viewer takes part (active member who accepted the current agreement) in a network
 * the owner is an active member of: the owner's own acceptance does not matter.
 */
export function sharesAcceptedNetwork(
  viewer: readonly NetworkStanding[],
  owner: readonly Pick<NetworkStanding, 'networkId'>[],
): boolean {
  const ownerNetworks = new Set(owner.map((s) => s.networkId));
  return viewer.some((s) => ownerNetworks.has(s.networkId) && takesPart(s));
}
