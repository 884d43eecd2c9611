import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../../common/contracts/notifications.ts';
import type { ServerEvents, ServerEventType } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { notificationKeys } from './api.ts';
import { connectNotifications, type NotificationPages } from './live.ts';

function emit<K extends ServerEventType>(type: K, data: ServerEvents[K]): void {
  (realtime as unknown as { emit(type: string, data: unknown): void }).emit(type, data);
}

const notification = (id: string, over: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'message',
  read: false,
  createdAt: '2025-01-01T10:00:00Z',
  count: 1,
  network: null,
  actor: { id: 'u2', displayName: 'Bea', formerMember: false },
  event: null,
  topic: null,
  postId: null,
  conversationId: 'c1',
  messageId: 'm1',
  announcement: null,
  helpRequestId: null,
  ...over,
});

const pages = (...lists: Notification[][]): NotificationPages => ({
  pages: lists.map((notifications, i) => ({ notifications, nextCursor: i < lists.length - 1 ? 'x' : null })),
  pageParams: lists.map((_, i) => (i === 0 ? undefined : 'x')),
});

describe('notification events in the cache', () => {
  let queryClient: QueryClient;
  let off: () => void;
  const list = () => queryClient.getQueryData<NotificationPages>(notificationKeys.list);
  const ids = () => list()?.pages.map((p) => p.notifications.map((n) => `${n.id}${n.read ? '✓' : ''}`));

  beforeEach(() => {
    queryClient = new QueryClient();
    queryClient.setQueryData(
      notificationKeys.list,
      pages([notification('n3'), notification('n2')], [notification('n1')]),
    );
    off = connectNotifications(queryClient);
  });
  afterEach(() => off());

  it('puts a new notification on top and sets the count', () => {
    emit('notification.created', { notification: notification('n4'), unreadCount: 4 });
    emit('notification.created', { notification: notification('n4'), unreadCount: 4 });
    expect(ids()).toEqual([['n4', 'n3', 'n2'], ['n1']]);
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unreadCount: 4 });
    expect(queryClient.getQueryState(notificationKeys.list)?.isInvalidated).toBe(false);
  });

  it('replaces a grouped notification in its place', () => {
    emit('notification.updated', { notification: notification('n2', { count: 3 }), unreadCount: 3 });
    expect(list()?.pages[0]?.notifications[1]?.count).toBe(3);
    expect(ids()).toEqual([['n3', 'n2'], ['n1']]);
  });

  it('loads the list again when an updated notification is not in it', () => {
    emit('notification.updated', { notification: notification('n9', { count: 2 }), unreadCount: 3 });
    expect(queryClient.getQueryState(notificationKeys.list)?.isInvalidated).toBe(true);
  });

  it('marks one or all read', () => {
    emit('notification.read', { id: 'n2', unreadCount: 2 });
    expect(ids()).toEqual([['n3', 'n2✓'], ['n1']]);
    emit('notification.read', { id: null, unreadCount: 0 });
    expect(ids()).toEqual([['n3✓', 'n2✓'], ['n1✓']]);
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unreadCount: 0 });
  });

  it('sets only the count while the list is not loaded', () => {
    queryClient.removeQueries({ queryKey: notificationKeys.list });
    emit('notification.created', { notification: notification('n4'), unreadCount: 1 });
    expect(list()).toBeUndefined();
    expect(queryClient.getQueryData(notificationKeys.unread)).toEqual({ unreadCount: 1 });
  });
});
