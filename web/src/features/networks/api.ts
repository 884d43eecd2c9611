import {
  type QueryClient,
  type QueryKey,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateNetworkBody,
  Network,
  NetworkList,
  UpdateNetworkBody,
} from '../../../../common/contracts/networks.ts';
import type { NetworkAction } from '../../../../common/permissions.ts';
import { api, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

type Page<K extends string, T> = { [key in K]: T[] } & { nextCursor: string | null };
export type NetworkSummary = z.infer<typeof NetworkList>['networks'][number];

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

const NETWORK_SCOPE = 'network';

/**
 * Query keys of networks. `detail(slug)` is the network itself and the root of everything of that
 * network: the other features (members, documents, discussions, goals, …) build their keys under
 * it, so invalidating or removing it reaches all of them (leaving a network removes them all).
 */
export const networkKeys = {
  detail: (slug: string) => [NETWORK_SCOPE, slug] as const,
  mine: [...authKeys.me, 'networks'] as const,
  public: ['networks', 'public'] as const,
};

/** The slug of the network a query key lies under (see networkKeys.detail), if any. */
export function networkOfKey(key: QueryKey): string | undefined {
  const [scope, slug] = key;
  return scope === NETWORK_SCOPE && typeof slug === 'string' ? slug : undefined;
}

/**
 * Realtime events name a network by its id, query keys by its slug (which never changes): the slug
 * of every network this tab has loaded. A network it has not loaded has nothing in the cache.
 */
const slugsById = new Map<string, string>();

/** The slug of a network this tab has loaded, by its id. */
export function networkSlug(networkId: string): string | undefined {
  return slugsById.get(networkId);
}

/** Puts a network into the cache (after founding or editing it). */
export function storeNetwork(queryClient: QueryClient, network: Network): void {
  slugsById.set(network.id, network.slug);
  queryClient.setQueryData(networkKeys.detail(network.slug), network);
}

async function fetchNetwork(slug: string): Promise<Network> {
  const network = await api.get<Network>(base(slug));
  slugsById.set(network.id, network.slug);
  return network;
}

/**
 * How long an answer counts as fresh when a page mounts: what the start of a first load asked
 * (app/first-load.ts) is not asked again by the page it was asked for. Realtime events and
 * invalidations refresh it meanwhile.
 */
export const JUST_ASKED_MS = 10_000;

/** The network itself: asked by its layout, and at the start of a first load that opens one of its pages. */
export const networkQuery = (slug: string) =>
  queryOptions({
    queryKey: networkKeys.detail(slug),
    queryFn: () => fetchNetwork(slug),
    staleTime: JUST_ASKED_MS,
  });

export function useNetwork(slug: string) {
  return useQuery(networkQuery(slug));
}

export function can(network: Network | undefined, action: NetworkAction): boolean {
  return network?.viewer.permissions.includes(action) ?? false;
}

export function useMyNetworks() {
  return useQuery({
    queryKey: networkKeys.mine,
    queryFn: () => api.get<{ networks: NetworkSummary[] }>('/me/networks'),
  });
}

export function usePublicNetworks() {
  return useInfiniteQuery({
    queryKey: networkKeys.public,
    queryFn: ({ pageParam }) =>
      api.get<Page<'networks', NetworkSummary>>(`/networks${query({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const foundNetwork = (orgSlug: string, body: CreateNetworkBody) =>
  api.post<Network>(`/organisations/${encodeURIComponent(orgSlug)}/networks`, body);
export const updateNetwork = (slug: string, body: UpdateNetworkBody) => api.patch<Network>(base(slug), body);
export const addNetworkOrganisation = (slug: string, organisationSlug: string) =>
  api.post<Network>(`${base(slug)}/organisations`, { organisationSlug });
export const removeNetworkOrganisation = (slug: string, orgSlug: string) =>
  api.delete<Network>(`${base(slug)}/organisations/${encodeURIComponent(orgSlug)}`);
export const appointMetaMentor = (slug: string, email: string) =>
  api.post<{ status: 'appointed' | 'invited' }>(`${base(slug)}/meta-mentors`, { email });
