import type { QueryClient } from '@tanstack/react-query';
import type { Announcement, AnnouncementList } from '../../../../common/contracts/discussions.ts';
import type { ServerEvents } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { networkSlug } from '../networks/api.ts';
import { announcementKeys } from './api.ts';

/**
 * The pinned list with a new announcement on top, or null when it must be fetched again. The list
 * is newest first by id, a new announcement has the highest id, and nothing in it depends on the
 * reader; only a list loaded to its end (no further page) can take it without losing its order.
 */
export function addPinned(list: AnnouncementList, announcement: Announcement): AnnouncementList | null {
  if (!announcement.pinned || list.nextCursor !== null) return null;
  if (list.announcements.some((a) => a.id === announcement.id)) return list;
  return { ...list, announcements: [announcement, ...list.announcements] };
}

/** Keeps the pinned announcements of network homes current; returns the unsubscribe. */
export function connectAnnouncements(queryClient: QueryClient): () => void {
  const onCreated = ({ networkId, announcement }: ServerEvents['announcement.created']) => {
    const slug = networkSlug(networkId);
    // A network this tab never loaded has nothing in the cache.
    if (slug === undefined) return;
    const key = announcementKeys.pinned(slug);
    const cached = queryClient.getQueryData<AnnouncementList>(key);
    const added = cached && addPinned(cached, announcement);
    if (added) queryClient.setQueryData(key, added);
    else void queryClient.invalidateQueries({ queryKey: announcementKeys.all(slug) });
  };
  return realtime.on('announcement.created', onCreated);
}
