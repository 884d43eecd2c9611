import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchResults, SearchType } from '../../../../common/contracts/search.ts';
import { api, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** One search: words, optionally one network (slug) and one type ('' for any). */
export interface SearchParams {
  q: string;
  network: string;
  type: SearchType | '';
}

/** Query keys of searches (they see only the signed-in user's networks, so they are theirs). */
export const searchKeys = {
  results: ({ q, network, type }: SearchParams) => [...authKeys.me, 'search', q, network, type] as const,
};

/** Results page by page; nothing is asked while there are no words. */
export function useSearch(params: SearchParams) {
  const { q, network, type } = params;
  return useInfiniteQuery({
    queryKey: searchKeys.results(params),
    queryFn: ({ pageParam }) =>
      api.get<SearchResults>(`/search${query({ q, network, type, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q !== '',
  });
}
