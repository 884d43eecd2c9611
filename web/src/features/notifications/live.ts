import type { QueryClient } from '@tanstack/react-query';
import { realtime } from '../../lib/realtime.ts';
import { notificationKeys } from './api.ts';

/** Keeps the bell's count and the notification list current; returns the unsubscribe. */
export function connectNotifications(queryClient: QueryClient): () => void {
  const update = ({ unreadCount }: { unreadCount: number }) => {
    queryClient.setQueryData(notificationKeys.unread, { unreadCount });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
  };
  const offs = [
    realtime.on('notification.created', update),
    realtime.on('notification.updated', update),
    realtime.on('notification.read', update),
  ];
  return () => {
    for (const off of offs) off();
  };
}
