import { canInNetwork, type NetworkAction } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import { loadNetworkAccess, type NetworkRow, requireNetworkUser } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import type { Reader } from './discussions.presenter.ts';

/** JSON bodies with a post in them: 20,000 characters can take 80 KB in UTF-8. */
export const POST_BODY_LIMIT_BYTES = 256 * 1024;

/** The network, the signed-in member and how they read it, once the action is allowed. */
export async function discussionAccess(
  ctx: AppContext,
  auth: SessionContext | null,
  slug: string,
  action: NetworkAction,
): Promise<{ network: NetworkRow; user: UserRow; reader: Reader }> {
  const access = await loadNetworkAccess(ctx, auth, slug);
  const user = requireNetworkUser(access, action);
  const isModerator = canInNetwork(access.actor, 'discussions.moderate', access.network.visibility);
  return { network: access.network, user, reader: { userId: user.id, isModerator } };
}
