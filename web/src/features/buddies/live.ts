import type { QueryClient } from '@tanstack/react-query';
import { realtime } from '../../lib/realtime.ts';
import { buddyKeys } from './api.ts';

/**
 * A pairing changed (a request, a proposal, an answer, an end): the pairings of its network load
 * again, as this viewer may see them. The event names the network by slug, so the home page card
 * (which never loaded the network itself) is kept current too.
 */
export function connectBuddies(queryClient: QueryClient): () => void {
  return realtime.on('buddy.changed', ({ networkSlug }) => {
    void queryClient.invalidateQueries({ queryKey: buddyKeys.all(networkSlug) });
  });
}
