import { useQuery } from '@tanstack/react-query';
import type { AnnouncementList } from '../../../../common/contracts/discussions.ts';
import type { EventList } from '../../../../common/contracts/events.ts';
import type {
  JoinRequest,
  JoinRequestList,
  Partnership,
  PartnershipList,
} from '../../../../common/contracts/partnerships.ts';
import { api, query } from '../../lib/api-client.ts';
import { networkKeys } from '../networks/api.ts';

export type { JoinRequest, Partnership };

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/** Query keys of a network's partnerships, organisations' requests and what partners share. */
export const partnerKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'partners'] as const,
  list: (slug: string) => [...partnerKeys.all(slug), 'list'] as const,
  joinRequests: (slug: string) => [...partnerKeys.all(slug), 'join-requests'] as const,
  sharedEvents: (slug: string) => [...partnerKeys.all(slug), 'events'] as const,
  sharedAnnouncements: (slug: string) => [...partnerKeys.all(slug), 'announcements'] as const,
};

export function usePartnerships(slug: string) {
  return useQuery({
    queryKey: partnerKeys.list(slug),
    queryFn: () => api.get<PartnershipList>(`${base(slug)}/partnerships`),
  });
}

export function useJoinRequests(slug: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: partnerKeys.joinRequests(slug),
    queryFn: () => api.get<JoinRequestList>(`${base(slug)}/join-requests`),
  });
}

/** The upcoming events this network shares and its partners shared with it. */
export function useSharedEvents(slug: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: partnerKeys.sharedEvents(slug),
    queryFn: () => api.get<EventList>(`${base(slug)}/events${query({ limit: 100 })}`),
    select: (list) => list.items.filter((item) => item.origin !== null || item.shareWithPartners),
  });
}

/** The announcements partner networks shared with this one. */
export function useSharedAnnouncements(slug: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: partnerKeys.sharedAnnouncements(slug),
    queryFn: () => api.get<AnnouncementList>(`${base(slug)}/announcements${query({ limit: 50 })}`),
    select: (list) => list.announcements.filter((a) => a.origin !== null),
  });
}

export const requestPartnership = (slug: string, networkSlug: string) =>
  api.post<Partnership>(`${base(slug)}/partnerships`, { networkSlug });
export const decidePartnership = (slug: string, id: string, decision: 'accept' | 'decline') =>
  api.patch<Partnership>(`${base(slug)}/partnerships/${encodeURIComponent(id)}`, { decision });
export const endPartnership = (slug: string, id: string) =>
  api.delete<Partnership>(`${base(slug)}/partnerships/${encodeURIComponent(id)}`);
export const decideJoinRequest = (slug: string, id: string, decision: 'approve' | 'decline') =>
  api.patch<JoinRequest>(`${base(slug)}/join-requests/${encodeURIComponent(id)}`, { decision });
