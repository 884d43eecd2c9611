import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  BuddyList,
  BuddyPair,
  BuddySuggestions,
  CreateBuddyPairBody,
  UpdateBuddyPairBody,
} from '../../../../common/contracts/buddies.ts';
import type { Directory } from '../../../../common/contracts/profiles.ts';
import type { PairFacts } from '../../../../common/policies/buddies.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

export type BuddyScope = 'open' | 'closed';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/buddies`;
const pairPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** Query keys of a network's buddy pairings: everything (lists, suggestions) is under `all`. */
export const buddyKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'buddies'] as const,
  list: (slug: string, scope: BuddyScope, mine: boolean) =>
    [...buddyKeys.all(slug), 'list', scope, mine] as const,
  suggestions: (slug: string, beginnerId: string) =>
    [...buddyKeys.all(slug), 'suggestions', beginnerId] as const,
  people: (slug: string, filters: PeopleFilters) => [...buddyKeys.all(slug), 'people', filters] as const,
};

/** Fetches one page of pairings (the lists are short: one page of up to 100 is all there is to show). */
export const fetchBuddyPairs = (slug: string, scope: BuddyScope, mine: boolean) =>
  api.get<BuddyList>(`${base(slug)}${query({ scope, mine: mine ? 'true' : undefined, limit: 100 })}`);

/** The pairings the viewer may see: all of the network for the meta-mentor and office, else their own. */
export function useBuddyPairs(slug: string, scope: BuddyScope, mine: boolean, enabled = true) {
  return useQuery({
    queryKey: buddyKeys.list(slug, scope, mine),
    queryFn: () => fetchBuddyPairs(slug, scope, mine),
    enabled,
  });
}

/** Ranked experienced mentors for a beginner, with the reasons (meta-mentor and office only). */
export function useBuddySuggestions(slug: string, beginnerId: string | null) {
  return useQuery({
    queryKey: buddyKeys.suggestions(slug, beginnerId ?? ''),
    queryFn: () => api.get<BuddySuggestions>(`${base(slug)}/suggestions${query({ for: beginnerId })}`),
    enabled: beginnerId !== null,
  });
}

/** Whom a picker looks for in the network's directory: beginners (for the staff) or experienced mentors. */
export interface PeopleFilters {
  level: 'beginner' | 'experienced';
  /** Looking for a buddy, or open to being one. */
  buddy?: 'looking' | 'open';
  /** Part of the name. */
  q?: string;
}

/** People a picker shows per page. */
export const PEOPLE_PAGE = 20;

/** Members of the network's directory matching the filters, a page at a time (every one can be found). */
export function usePeople(slug: string, filters: PeopleFilters) {
  return useInfiniteQuery({
    queryKey: buddyKeys.people(slug, filters),
    queryFn: ({ pageParam }) =>
      api.get<Directory>(
        `/networks/${encodeURIComponent(slug)}/directory${query({ ...filters, cursor: pageParam, limit: PEOPLE_PAGE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const createBuddyPair = (slug: string, body: Partial<CreateBuddyPairBody>) =>
  api.post<BuddyPair>(base(slug), body);
export const updateBuddyPair = (slug: string, id: string, body: UpdateBuddyPairBody) =>
  api.patch<BuddyPair>(pairPath(slug, id), body);
export const withdrawBuddyPair = (slug: string, id: string) => api.delete<BuddyPair>(pairPath(slug, id));

/** The facts of a pairing the policies (common/policies/buddies.ts) decide with. */
export function pairFacts(pair: BuddyPair): PairFacts {
  return { status: pair.status, beginnerId: pair.beginner.id, mentorId: pair.mentor?.id ?? null };
}
