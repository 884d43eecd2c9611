import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  DirectoryEntry,
  DirectoryEntryBody,
  DirectoryList,
  DirectoryListing,
  DirectoryListingBody,
  DirectoryMapSettings,
  GeocodeResult,
} from '../../../../common/contracts/directory.ts';
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
  map: (filters: DirectoryFilters) => [...directoryKeys.all, 'map', filters] as const,
  mapSettings: [...['directory'], 'map-settings'] as const,
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

export function useDirectoryEntry(id: string, enabled = true) {
  return useQuery({
    queryKey: directoryKeys.entry(id),
    queryFn: () => api.get<DirectoryEntry>(`/directory/${encodeURIComponent(id)}`),
    enabled,
  });
}

/** The address of the export of the filtered list (a download, not a fetch). */
export function exportUrl(filters: DirectoryFilters, format: 'csv' | 'json'): string {
  const { lat: _lat, lng: _lng, ...rest } = filters;
  return `/api/directory/export${query({ ...rest, format })}`;
}

/** The tile server and whether addresses can be looked up (asked only when a map is shown). */
export function useMapSettings(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.mapSettings,
    queryFn: () => api.get<DirectoryMapSettings>('/directory/map-settings'),
    staleTime: 60 * 60_000,
    enabled,
  });
}

/** Every entry of the filtered list that has a location, for the map (the same filters as the list). */
export function useMapEntries(filters: DirectoryFilters, enabled: boolean) {
  const { lat: _lat, lng: _lng, ...rest } = filters;
  return useQuery({
    queryKey: directoryKeys.map(rest),
    queryFn: async () => {
      const { entries } = await api.get<{ entries: DirectoryEntry[] }>(
        `/directory/export${query({ ...rest, format: 'json' })}`,
      );
      return entries.filter((e) => e.latitude !== null && e.longitude !== null);
    },
    enabled,
  });
}

export const geocodeAddress = (address: string) =>
  api.get<GeocodeResult>(`/directory/geocode${query({ q: address })}`);

export const saveEntryLocation = (id: string, latitude: number | null, longitude: number | null) =>
  api.patch<DirectoryEntry>(`/directory/${encodeURIComponent(id)}`, { latitude, longitude });

/** A new directory-only entry (platform admins). */
export const createEntry = (body: DirectoryEntryBody) => api.post<DirectoryEntry>('/directory', body);

/** Every field of a directory-only entry, as the form has them (platform admins). */
export const updateEntry = (id: string, body: DirectoryEntryBody) =>
  api.patch<DirectoryEntry>(`/directory/${encodeURIComponent(id)}`, body);

export const deleteEntry = (id: string) => api.delete<void>(`/directory/${encodeURIComponent(id)}`);

const listingPath = (slug: string) => `/organisations/${encodeURIComponent(slug)}/directory-listing`;

/** An organisation's place in the directory: listed or not, and where it is (its admins). */
export function useListing(slug: string) {
  return useQuery({
    queryKey: [...directoryKeys.all, 'listing', slug] as const,
    queryFn: () => api.get<DirectoryListing>(listingPath(slug)),
  });
}

export const saveListing = (slug: string, change: DirectoryListingBody) =>
  api.put<DirectoryListing>(listingPath(slug), change);

/** The address lookup an organisation's admins may use for its location. */
export const geocodeForOrganisation = (slug: string) => (address: string) =>
  api.get<GeocodeResult>(`/organisations/${encodeURIComponent(slug)}/geocode${query({ q: address })}`);
