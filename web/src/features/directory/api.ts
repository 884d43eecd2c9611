import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { DirectoryEntry, DirectoryList } from '../../../../common/contracts/directory.ts';
import { api, query } from '../../lib/api-client.ts';

/** The filters of the directory page, as the address keeps them. */
export interface DirectoryFilters {
  text?: string;
  service?: string;
  language?: string;
  country?: string;
  city?: string;
  kind?: string;
  lat?: string;
  lng?: string;
}

export const directoryKeys = {
  all: ['directory'] as const,
  list: (filters: DirectoryFilters) => [...directoryKeys.all, 'list', filters] as const,
  entry: (id: string) => [...directoryKeys.all, 'entry', id] as const,
};

/** The public directory, page by page ("show more"); no account needed. */
export function useDirectory(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: directoryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.get<DirectoryList>(`/directory${query({ ...filters, page: pageParam, limit: 20 })}`),
    initialPageParam: 1,
    getNextPageParam: (last) => last.nextPage ?? undefined,
  });
}

export function useDirectoryEntry(id: string) {
  return useQuery({
    queryKey: directoryKeys.entry(id),
    queryFn: () => api.get<DirectoryEntry>(`/directory/${encodeURIComponent(id)}`),
  });
}

/** The address of the export of the filtered list (a download, not a fetch). */
export function exportUrl(filters: DirectoryFilters, format: 'csv' | 'json'): string {
  const { lat: _lat, lng: _lng, ...rest } = filters;
  return `/api/directory/export${query({ ...rest, format })}`;
}
