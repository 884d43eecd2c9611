import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { dehydrate, defaultShouldDehydrateQuery, type Query, type QueryClient } from '@tanstack/react-query';
import type {
  PersistedClient,
  Persister,
  PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client';
import { createStore, del, get, update } from 'idb-keyval';
import { OFFLINE_DB, OFFLINE_KEY, OFFLINE_STORE } from './offline-names.ts';
import { isOutbox } from './outbox.ts';

/**
 * The offline cache: what a signed-in member last read (their networks and what lies under them —
 * overview, topics and replies, resources, events — and their conversations), and what they wrote
 * but could not send yet, kept in IndexedDB so that it can be read and sent after a reload without
 * the network. The service worker looks for the same entry to decide whether an offline navigation
 * gets the app (with this cache) or the plain offline page (offline-names.ts).
 */
/** How long what was read stays readable offline (and in memory: queries are kept as long). */
export const OFFLINE_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

// Opened on first use (opening it at import would touch IndexedDB in every test of the app).
let idbStore: ReturnType<typeof createStore> | undefined;
function store(): ReturnType<typeof createStore> {
  idbStore ??= createStore(OFFLINE_DB, OFFLINE_STORE);
  return idbStore;
}
const storage = {
  getItem: (key: string) => get<string>(key, store()),
  // Read, merged and written in one transaction: another tab (or the page this one replaced) may
  // have saved pages this one never loaded, and they stay readable.
  setItem: (key: string, value: string) =>
    update<string>(key, (stored) => JSON.stringify(mergeSaved(parse(stored), JSON.parse(value))), store()),
  removeItem: (key: string) => del(key, store()),
};

function parse(text: string | undefined): PersistedClient | undefined {
  try {
    return text ? (JSON.parse(text) as PersistedClient) : undefined;
  } catch {
    return undefined;
  }
}

const userOf = (client: PersistedClient): unknown =>
  (
    client.clientState.queries.find((q) => q.queryKey.length === 1 && q.queryKey[0] === 'me')?.state.data as
      | { id?: unknown }
      | null
      | undefined
  )?.id;

/**
 * The cache to keep when `next` is saved over `stored`: `next`, plus the queries only `stored` holds
 * (same person, same format, not expired); of a query both hold, the newer answer. The outbox is
 * `next`'s: what this tab sent is gone from it, and a copy another tab also holds is sent by both at
 * most once (the idempotency key).
 */
export function mergeSaved(stored: PersistedClient | undefined, next: PersistedClient): PersistedClient {
  if (!stored || stored.buster !== next.buster || userOf(stored) !== userOf(next)) return next;
  const byHash = new Map(next.clientState.queries.map((q) => [q.queryHash, q]));
  for (const query of stored.clientState.queries) {
    const mine = byHash.get(query.queryHash);
    if (
      mine
        ? query.state.dataUpdatedAt > mine.state.dataUpdatedAt
        : query.state.dataUpdatedAt > next.timestamp - OFFLINE_MAX_AGE_MS
    )
      byHash.set(query.queryHash, query);
  }
  return { ...next, clientState: { ...next.clientState, queries: [...byHash.values()] } };
}

/**
 * What is kept for reading offline: the signed-in user and their lists of networks and
 * conversations (`me`, …), each conversation with its history, and of each network its overview,
 * announcements, spaces, topics with their replies, resources and events. Other pages (admin,
 * members, support, goals…) are read online only.
 */
const KEPT_ME = new Set<unknown>([
  'networks',
  'conversations',
  'conversation',
  'messages',
  'notifications-unread',
]);
const KEPT_NETWORK = new Set<unknown>(['announcements', 'spaces', 'topics', 'topic', 'resources', 'events']);

export function isKeptKey(key: readonly unknown[]): boolean {
  const [root, second, third] = key;
  if (root === 'me') return key.length === 1 || KEPT_ME.has(second);
  if (root === 'network') return key.length === 2 || KEPT_NETWORK.has(third);
  return false;
}

export function isKeptQuery(query: Query): boolean {
  return defaultShouldDehydrateQuery(query) && isKeptKey(query.queryKey);
}

/** Whether the cache belongs to a signed-in person: `['me']` holds a user. */
export function isSignedIn(client: PersistedClient): boolean {
  return client.clientState.queries.some(
    (q) => q.queryKey.length === 1 && q.queryKey[0] === 'me' && q.state.data != null,
  );
}

const base = createAsyncStoragePersister({ storage, key: OFFLINE_KEY, throttleTime: 250 });

/** Keeps the cache only while someone is signed in; a signed-out tab leaves nothing behind. */
const persister: Persister = {
  persistClient: (client) => (isSignedIn(client) ? base.persistClient(client) : base.removeClient()),
  restoreClient: () => base.restoreClient(),
  removeClient: () => base.removeClient(),
};

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister,
  maxAge: OFFLINE_MAX_AGE_MS,
  // Raised when the kept shapes change, so that an older cache is dropped rather than misread.
  buster: 'offline-1',
  dehydrateOptions: {
    shouldDehydrateQuery: isKeptQuery,
    // Everything still in the outbox: waiting, on its way (sent again after a reload — the
    // idempotency key makes that safe) or refused (shown with the reason until discarded).
    shouldDehydrateMutation: (mutation) =>
      isOutbox(mutation) && (mutation.state.status === 'pending' || mutation.state.status === 'error'),
  },
};

/**
 * Saves at once whenever something enters or leaves the outbox: the cache is otherwise saved at
 * most every 250 ms, and a reply written just before the tab is closed must not be lost.
 */
export function saveOutboxAtOnce(queryClient: QueryClient): () => void {
  const { dehydrateOptions, buster = '' } = persistOptions;
  return queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    if (!isOutbox(event.mutation)) return;
    const client: PersistedClient = {
      buster,
      timestamp: Date.now(),
      clientState: dehydrate(queryClient, dehydrateOptions),
    };
    if (isSignedIn(client)) void storage.setItem(OFFLINE_KEY, JSON.stringify(client)).catch(() => {});
  });
}

/** Forgets the offline cache (signing out). */
export async function clearOfflineCache(): Promise<void> {
  await storage.removeItem(OFFLINE_KEY).catch(() => {});
}
