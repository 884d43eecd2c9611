import type { ProfileVisibilityCode } from '../contracts/profiles.ts';

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
