import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  DriftingPage,
  HealthSettings,
  HealthSettingsBody,
  NetworkHealth,
} from '../../../../common/contracts/network-health.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/health`;

/** Query keys of a network's health: the dashboard per span, and the thresholds. */
export const healthKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'health'] as const,
  dashboard: (slug: string, weeks: number) => [...healthKeys.all(slug), 'dashboard', weeks] as const,
};

/** The first day (YYYY-MM-DD, UTC) of a span of whole weeks ending this week. */
export function spanStart(weeks: number, now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday - 7 * (weeks - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function useNetworkHealth(slug: string, weeks: number) {
  return useQuery({
    queryKey: healthKeys.dashboard(slug, weeks),
    queryFn: () => api.get<NetworkHealth>(`${base(slug)}${query({ from: spanStart(weeks) })}`),
  });
}

/**
 * The drifting members after the dashboard's first ones: fetched only once asked for (`enabled`),
 * from the dashboard's cursor, page by page.
 */
export function useMoreDrifting(slug: string, firstCursor: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...healthKeys.all(slug), 'drifting', firstCursor] as const,
    queryFn: ({ pageParam }) =>
      api.get<DriftingPage>(`${base(slug)}/drifting${query({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: firstCursor ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && firstCursor !== null,
  });
}

export const saveHealthSettings = (slug: string, body: HealthSettingsBody) =>
  api.put<HealthSettings>(`${base(slug)}/settings`, body);
