import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Announcement, AnnouncementList } from '../../../../common/contracts/discussions.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { ServerEvents, ServerEventType } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { storeNetwork } from '../networks/api.ts';
import { announcementKeys } from './api.ts';
import { connectAnnouncements } from './live.ts';

function emit<K extends ServerEventType>(type: K, data: ServerEvents[K]): void {
  (realtime as unknown as { emit(type: string, data: unknown): void }).emit(type, data);
}

const announcement = (id: string): Announcement => ({
  id,
  title: 'Meeting',
  bodySource: 'Friday',
  bodyHtml: '<p>Friday</p>',
  author: { id: 'u1', displayName: 'Ada', formerMember: false },
  pinned: true,
  createdAt: '2025-01-01T10:00:00Z',
  shareWithPartners: false,
  origin: null,
});

describe('announcement events in the cache', () => {
  let queryClient: QueryClient;
  let off: () => void;
  const pinned = (slug: string) => queryClient.getQueryData<AnnouncementList>(announcementKeys.pinned(slug));

  beforeEach(() => {
    queryClient = new QueryClient();
    storeNetwork(queryClient, { id: 'n1', slug: 'berlin' } as Network);
    storeNetwork(queryClient, { id: 'n2', slug: 'vienna' } as Network);
    queryClient.setQueryData(announcementKeys.pinned('berlin'), {
      announcements: [announcement('a1')],
      nextCursor: null,
    });
    queryClient.setQueryData(announcementKeys.pinned('vienna'), { announcements: [], nextCursor: 'more' });
    off = connectAnnouncements(queryClient);
  });
  afterEach(() => off());

  it('puts a new announcement on top of its network’s complete pinned list', () => {
    emit('announcement.created', { networkId: 'n1', announcement: announcement('a2') });
    expect(pinned('berlin')?.announcements.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(queryClient.getQueryState(announcementKeys.pinned('berlin'))?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(announcementKeys.pinned('vienna'))?.isInvalidated).toBe(false);
  });

  it('loads a list that has more pages again', () => {
    emit('announcement.created', { networkId: 'n2', announcement: announcement('a3') });
    expect(pinned('vienna')?.announcements).toEqual([]);
    expect(queryClient.getQueryState(announcementKeys.pinned('vienna'))?.isInvalidated).toBe(true);
  });
});
