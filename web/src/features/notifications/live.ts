import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList } from '../../../../common/contracts/notifications.ts';
import type { ServerEvents } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { notificationKeys } from './api.ts';

export type NotificationPages = InfiniteData<NotificationList, string | undefined>;

const mapNotifications = (
  list: NotificationPages,
  change: (n: Notification) => Notification,
): NotificationPages => ({
  ...list,
  pages: list.pages.map((page) => ({ ...page, notifications: page.notifications.map(change) })),
});

/**
 * A new notification goes on top: the list is newest first by id, and a new one has the highest
 * id. Cursors of later pages stay valid (they name the last id of the page before).
 */
export function addNotification(list: NotificationPages, notification: Notification): NotificationPages {
  const [first, ...rest] = list.pages;
  if (!first || list.pages.some((p) => p.notifications.some((n) => n.id === notification.id))) {
    return replaceNotification(list, notification);
  }
  return { ...list, pages: [{ ...first, notifications: [notification, ...first.notifications] }, ...rest] };
}

/** A grouped notification got another message: same id, same place in the list. */
export function replaceNotification(list: NotificationPages, notification: Notification): NotificationPages {
  return mapNotifications(list, (n) => (n.id === notification.id ? notification : n));
}

/** One notification (id) or all of them (null) were read. */
export function markNotificationsRead(list: NotificationPages, id: string | null): NotificationPages {
  return mapNotifications(list, (n) => (id === null || n.id === id ? { ...n, read: true } : n));
}

/**
 * Keeps the bell's count and the notification list current; returns the unsubscribe. Notification
 * events go to their recipient alone and carry the recipient's own view, so they are written into
 * the cache as they are (a list not loaded yet loads fresh when it is opened).
 */
export function connectNotifications(queryClient: QueryClient): () => void {
  const setUnread = (unreadCount: number) =>
    queryClient.setQueryData(notificationKeys.unread, { unreadCount });
  const patchList = (patch: (list: NotificationPages) => NotificationPages) =>
    queryClient.setQueryData<NotificationPages>(notificationKeys.list, (list) => list && patch(list));

  const onCreated = ({ notification, unreadCount }: ServerEvents['notification.created']) => {
    setUnread(unreadCount);
    patchList((list) => addNotification(list, notification));
  };
  const onUpdated = ({ notification, unreadCount }: ServerEvents['notification.updated']) => {
    setUnread(unreadCount);
    const list = queryClient.getQueryData<NotificationPages>(notificationKeys.list);
    const known = list?.pages.some((p) => p.notifications.some((n) => n.id === notification.id));
    // Not in the list (its creation came while the socket was away): the list loads again.
    if (list && !known) void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    else patchList((l) => replaceNotification(l, notification));
  };
  const onRead = ({ id, unreadCount }: ServerEvents['notification.read']) => {
    setUnread(unreadCount);
    patchList((list) => markNotificationsRead(list, id));
  };
  const offs = [
    realtime.on('notification.created', onCreated),
    realtime.on('notification.updated', onUpdated),
    realtime.on('notification.read', onRead),
  ];
  return () => {
    for (const off of offs) off();
  };
}
