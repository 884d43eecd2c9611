import { onlineManager, type QueryCache, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

const subscribeOnline = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

/** Whether the browser is online, as the query client sees it (its queries and outbox wait while not). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, isOnline, () => true);
}

/**
 * When what is on screen was fetched: the oldest answer among the queries in use that hold data
 * (ms since the epoch), or 0 when none does. Pages read offline show data saved at different times;
 * the oldest is the honest one to name.
 */
export function savedAtOf(queryCache: QueryCache): number {
  let oldest = 0;
  for (const query of queryCache.getAll()) {
    const { dataUpdatedAt, data } = query.state;
    if (query.getObserversCount() === 0 || data === undefined || dataUpdatedAt === 0) continue;
    if (oldest === 0 || dataUpdatedAt < oldest) oldest = dataUpdatedAt;
  }
  return oldest;
}

/** `savedAtOf` kept up to date while `enabled` (0 otherwise: no work while online). */
export function useSavedAt(enabled: boolean): number {
  const queryCache = useQueryClient().getQueryCache();
  const subscribe = useCallback(
    (onChange: () => void) => (enabled ? queryCache.subscribe(onChange) : () => {}),
    [queryCache, enabled],
  );
  return useSyncExternalStore(
    subscribe,
    () => (enabled ? savedAtOf(queryCache) : 0),
    () => 0,
  );
}
