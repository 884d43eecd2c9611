import type { ContentReader } from '../../../common/policies/content.ts';
import { mayInNetwork, type NetworkAccess, requireUser } from '../networks/index.ts';

/**
 * How the caller of an authorized discussion route reads: who they are (every discussion action
 * needs a member) and whether they may moderate, for the rules of common/policies/content.ts.
 */
export function readerOf(access: NetworkAccess): ContentReader {
  return { userId: requireUser(access).id, isModerator: mayInNetwork(access, 'discussions.moderate') };
}
