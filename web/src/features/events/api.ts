import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Attendees,
  CalendarFeed,
  CreateEventBody,
  Event,
  EventList,
  PublicEventList,
  RsvpResult,
  UpdateEventBody,
  UpdateOccurrenceBody,
} from '../../../../common/contracts/events.ts';
import type { Member, Network } from '../../../../common/contracts/networks.ts';
import type { RsvpResponse } from '../../../../common/events.ts';
import { api, query } from '../../lib/api-client.ts';
import { can, networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/events`;
const eventPath = (slug: string, id: string) => `${base(slug)}/${encodeURIComponent(id)}`;

/** Query keys of a network's events: every list and event lies under `all`. */
export const eventKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'events'] as const,
  list: (slug: string, limit: number) => [...eventKeys.all(slug), 'list', limit] as const,
  event: (slug: string, id: string) => [...eventKeys.all(slug), 'event', id] as const,
  attendees: (slug: string, id: string) => [...eventKeys.event(slug, id), 'attendees'] as const,
  publicList: (slug: string, withPartners: boolean) =>
    [...eventKeys.all(slug), 'public', withPartners ? 'partners' : 'own'] as const,
  feed: ['me', 'calendar-feed'] as const,
};

/** The upcoming occurrences of a network, page by page ("load more"). */
export function useUpcomingEvents(slug: string, limit = 20, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: eventKeys.list(slug, limit),
    queryFn: ({ pageParam }) => api.get<EventList>(`${base(slug)}${query({ limit, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The upcoming public events of a network (its public page), or with its partners' (the partners
 * page), page by page: for anyone, without an account.
 */
export function usePublicEvents(slug: string, withPartners: boolean, enabled = true) {
  const path = withPartners
    ? `/networks/${encodeURIComponent(slug)}/partners/public-events`
    : `/networks/${encodeURIComponent(slug)}/public-events`;
  return useInfiniteQuery({
    enabled,
    queryKey: eventKeys.publicList(slug, withPartners),
    queryFn: ({ pageParam }) => api.get<PublicEventList>(`${path}${query({ limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(slug: string, id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: eventKeys.event(slug, id),
    queryFn: () => api.get<Event>(eventPath(slug, id)),
  });
}

/** Who answered and who came (staff). */
export function useAttendees(slug: string, id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: eventKeys.attendees(slug, id),
    queryFn: () => api.get<Attendees>(`${eventPath(slug, id)}/attendees`),
  });
}

/** The address of my personal calendar feed. */
export function useCalendarFeed() {
  return useQuery({ queryKey: eventKeys.feed, queryFn: () => api.get<CalendarFeed>('/me/calendar-feed') });
}

export const renewCalendarFeed = () => api.post<CalendarFeed>('/me/calendar-feed');
export const createEvent = (slug: string, body: Partial<CreateEventBody>) =>
  api.post<Event>(base(slug), body);
/**
 * Members of the network whose name contains the text (the organiser picker). Its query key is
 * outside ['network', …]: searches are not kept for offline reading.
 */
export const memberSearchKey = (slug: string, text: string) => ['member-search', slug, text] as const;
export const searchMembers = (slug: string, text: string) =>
  api.get<{ members: Member[] }>(
    `/networks/${encodeURIComponent(slug)}/members${query({ q: text, limit: 20 })}`,
  );
export const updateEvent = (slug: string, id: string, body: Partial<UpdateEventBody>) =>
  api.patch<Event>(eventPath(slug, id), body);
export const cancelEvent = (slug: string, id: string, reason: string) =>
  api.post<Event>(`${eventPath(slug, id)}/cancel`, { reason });
export const answerEvent = (slug: string, id: string, response: RsvpResponse) =>
  api.put<RsvpResult>(`${eventPath(slug, id)}/rsvp`, { response });
export const changeOccurrence = (
  slug: string,
  id: string,
  key: string,
  body: Partial<UpdateOccurrenceBody>,
) => api.put<Event>(`${eventPath(slug, id)}/occurrences/${encodeURIComponent(key)}`, body);
export const recordAttendance = (slug: string, id: string, occurrence: string, attendedIds: string[]) =>
  api.post<Attendees>(`${eventPath(slug, id)}/attendance`, { occurrence, attendedIds });

/** The address of an event's .ics file ("add to calendar"). */
export const icsUrl = (slug: string, id: string) => `/api${eventPath(slug, id)}.ics`;

/**
 * What the viewer may do with events in a network: the network's permissions, with the rule of
 * common/policies/events.ts that members create events only where the network allows it.
 */
export function eventAccess(network: Network) {
  return {
    view: can(network, 'events.view'),
    create:
      can(network, 'events.create') && (can(network, 'events.attendance') || network.membersCreateEvents),
    rsvp: can(network, 'events.rsvp'),
  };
}
