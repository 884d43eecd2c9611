import type { QueryClient } from '@tanstack/react-query';
import type { Event, EventList, RsvpCounts } from '../../../../common/contracts/events.ts';
import { realtime } from '../../lib/realtime.ts';
import { eventKeys } from './api.ts';

type ListCache = EventList | { pages: EventList[]; pageParams: unknown[] };

/** An event with the counts someone's answer produced (they read alike for everyone). */
export function eventWithCounts(cached: Event, counts: RsvpCounts): Event {
  return { ...cached, counts };
}

/** A list (one page, or the pages of "load more") with the counts of one event's rows replaced. */
export function listWithCounts<T extends ListCache>(cached: T, eventId: string, counts: RsvpCounts): T {
  const page = (list: EventList): EventList => ({
    ...list,
    items: list.items.map((item) => (item.eventId === eventId ? { ...item, counts } : item)),
  });
  return 'pages' in cached ? { ...cached, pages: cached.pages.map(page) } : (page(cached) as T);
}

/**
 * Others answer, organisers change dates: an event's counts show at once wherever it is on the
 * screen (its page, the network's list, the home page), then the network's events load again for
 * what depends on the reader (their own answer, a place that freed up for them).
 */
export function connectEvents(queryClient: QueryClient): () => void {
  const offs = [
    realtime.on('event.rsvp_changed', ({ networkSlug, eventId, counts }) => {
      queryClient.setQueryData<Event>(eventKeys.event(networkSlug, eventId), (old) =>
        old ? eventWithCounts(old, counts) : old,
      );
      for (const [key, data] of queryClient.getQueriesData<ListCache>({
        queryKey: [...eventKeys.all(networkSlug), 'list'],
      })) {
        if (data) queryClient.setQueryData(key, listWithCounts(data, eventId, counts));
      }
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(networkSlug) });
    }),
    realtime.on('event.changed', ({ networkSlug }) => {
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(networkSlug) });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
