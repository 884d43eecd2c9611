import {
  MutationCache,
  onlineManager,
  type Query,
  QueryCache,
  QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { authKeys } from '../features/auth/api.ts';
import { networkKeys, networkOfKey } from '../features/networks/api.ts';
import { ApiError } from '../lib/api-client.ts';
import { OFFLINE_MAX_AGE_MS } from './offline-cache.ts';
import { registerOutbox } from './outbox.ts';

/** A session that ended elsewhere (expired, signed out from another device) signs this tab out too. */
function onError(error: unknown): void {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(authKeys.me, null);
  }
}

/**
 * A network answered AGREEMENT_REQUIRED (a new version was published meanwhile): refresh that
 * network so that its layout sends the member to the agreement page. Only the network's own entry
 * is refreshed — it never answers AGREEMENT_REQUIRED, so this cannot loop.
 */
function onQueryError(error: unknown, query: Query<unknown, unknown, unknown, QueryKey>): void {
  onError(error);
  const slug = networkOfKey(query.queryKey);
  if (error instanceof ApiError && error.code === 'AGREEMENT_REQUIRED' && slug !== undefined) {
    void queryClient.invalidateQueries({ queryKey: networkKeys.detail(slug), exact: true });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onQueryError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network trouble might.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      // What was read stays in memory as long as the offline cache keeps it (offline-cache.ts).
      gcTime: OFFLINE_MAX_AGE_MS,
    },
  },
});

// The query client learns of changes from the browser's online and offline events; a page opened
// while offline must know from the start, so that its queries wait instead of failing.
if (typeof navigator !== 'undefined' && 'onLine' in navigator) onlineManager.setOnline(navigator.onLine);

registerOutbox(queryClient);
