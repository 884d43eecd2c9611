import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  Announcement,
  AnnouncementList,
  CreateAnnouncementBody,
} from '../../../../common/contracts/discussions.ts';
import { api } from '../../lib/api-client.ts';
import { JUST_ASKED_MS, networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}/announcements`;

/** Query keys of a network's announcements. */
export const announcementKeys = {
  all: (slug: string) => [...networkKeys.detail(slug), 'announcements'] as const,
  /** The pinned ones, newest first, as the network home shows them. */
  pinned: (slug: string) => [...announcementKeys.all(slug), 'pinned'] as const,
};

/** The pinned announcements: asked by the network home, and at the start of a first load that opens it. */
export const pinnedAnnouncementsQuery = (slug: string) =>
  queryOptions({
    queryKey: announcementKeys.pinned(slug),
    queryFn: () => api.get<AnnouncementList>(`${base(slug)}/pinned`),
    staleTime: JUST_ASKED_MS,
  });

export function usePinnedAnnouncements(slug: string) {
  return useQuery(pinnedAnnouncementsQuery(slug));
}
export const postAnnouncement = (slug: string, body: CreateAnnouncementBody) =>
  api.post<Announcement>(base(slug), body);
export const pinAnnouncement = (slug: string, id: string, pinned: boolean) =>
  api.patch<Announcement>(`${base(slug)}/${encodeURIComponent(id)}`, { pinned });
