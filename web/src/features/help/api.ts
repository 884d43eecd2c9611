import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CreateHelpRequestBody,
  CreateHelpResponseBody,
  HelpRequest,
  HelpRequestList,
  HelpResponse,
  PrivacyFindingsDetails,
  SuggestedHelpers,
  UpdateHelpRequestBody,
} from '../../../../common/contracts/help-requests.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { HelpRequestKind, HelpRequestStatus } from '../../../../common/help-requests.ts';
import { api, isApiError, query } from '../../lib/api-client.ts';
import { can, networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/help-requests`;
const requestPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** The list filters the Support page offers (the API's list query, as the page keeps them). */
export interface HelpFilters {
  status?: HelpRequestStatus;
  kind?: HelpRequestKind;
  expertise?: string;
  language?: string;
  mine?: boolean;
  offered?: boolean;
  unanswered?: boolean;
}

/**
 * Query keys of a network's help requests: every list and every request lies under `all`, so one
 * invalidation reaches them all; `lists` holds every filtered list.
 */
export const helpKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'help'] as const,
  lists: (slug: string) => [...helpKeys.all(slug), 'list'] as const,
  list: (slug: string, filters: HelpFilters) => [...helpKeys.lists(slug), filters] as const,
  request: (slug: string, id: string) => [...helpKeys.all(slug), 'request', id] as const,
  suggested: (slug: string, id: string) => [...helpKeys.request(slug, id), 'suggested'] as const,
};

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

/** One page of requests with the filters set. */
export const fetchHelpRequests = (slug: string, filters: HelpFilters, cursor?: string, limit = 20) =>
  api.get<HelpRequestList>(
    `${base(slug)}${query({
      status: filters.status,
      kind: filters.kind,
      expertise: filters.expertise,
      language: filters.language,
      mine: flag(filters.mine),
      offered: flag(filters.offered),
      unanswered: flag(filters.unanswered),
      cursor,
      limit,
    })}`,
  );

/** The requests of a network, newest activity first, page by page ("load more"). */
export function useHelpRequests(slug: string, filters: HelpFilters, limit = 20, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...helpKeys.list(slug, filters), limit],
    queryFn: ({ pageParam }) => fetchHelpRequests(slug, filters, pageParam, limit),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useHelpRequest(slug: string, id: string) {
  return useQuery({
    queryKey: helpKeys.request(slug, id),
    queryFn: () => api.get<HelpRequest>(requestPath(slug, id)),
  });
}

/** Members suggested to help, best first, with the reasons (the requester and staff only). */
export function useSuggestedHelpers(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: helpKeys.suggested(slug, id),
    queryFn: () => api.get<SuggestedHelpers>(`${requestPath(slug, id)}/suggested-helpers`),
    enabled,
  });
}

export const createHelpRequest = (slug: string, body: Partial<CreateHelpRequestBody>) =>
  api.post<HelpRequest>(base(slug), body);
export const updateHelpRequest = (slug: string, id: string, body: Partial<UpdateHelpRequestBody>) =>
  api.patch<HelpRequest>(requestPath(slug, id), body);
export const respondToHelpRequest = (slug: string, id: string, body: Partial<CreateHelpResponseBody>) =>
  api.post<HelpResponse>(`${requestPath(slug, id)}/responses`, body);
export const offerHelp = (slug: string, id: string, withdraw: boolean) =>
  api.post<HelpRequest>(`${requestPath(slug, id)}/offer`, { withdraw });
export const setHelpRequestStatus = (
  slug: string,
  id: string,
  body: { status: 'resolved' | 'open'; thank?: string[]; thanksNote?: string },
) => api.post<HelpRequest>(`${requestPath(slug, id)}/status`, body);

/** The findings of a 422 PRIVACY_FINDINGS answer (a case text posted without confirmation), if it is one. */
export function privacyFindingsOf(error: unknown): PrivacyFindingsDetails | null {
  if (!isApiError(error, 'PRIVACY_FINDINGS')) return null;
  const details = error.details as Partial<PrivacyFindingsDetails> | undefined;
  return {
    title: Array.isArray(details?.title) ? details.title : [],
    body: Array.isArray(details?.body) ? details.body : [],
  };
}

/**
 * What the viewer may do with help requests in a network. The role rules are the network's
 * actions (common/permissions.ts); what one may do with one request comes with it (canEdit, …).
 */
export function helpAccess(network: Network) {
  return {
    view: can(network, 'help.view'),
    ask: can(network, 'help.ask'),
    /** The meta-mentors resolve anyone's request; they and the office follow unanswered ones. */
    manage: can(network, 'help.moderate') || network.viewer.role === 'office',
  };
}
