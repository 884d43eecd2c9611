import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationPreferences,
  UnreadCount,
  UnsubscribeInfo,
  UpdateNotificationPreferencesBody,
} from '../../../../common/contracts/notifications.ts';
import { api, query } from '../../lib/api-client.ts';

export const notificationsKey = ['me', 'notifications'] as const;
export const unreadNotificationsKey = ['me', 'notifications-unread'] as const;
export const preferencesKey = ['me', 'notification-preferences'] as const;

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationsKey,
    queryFn: ({ pageParam }) =>
      api.get<NotificationList>(`/notifications${query({ cursor: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: unreadNotificationsKey,
    queryFn: () => api.get<UnreadCount>('/notifications/unread-count'),
    enabled,
  });
}

export const markNotificationRead = (id: string) =>
  api.post<UnreadCount>(`/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => api.post<UnreadCount>('/notifications/read-all');

export function usePreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => api.get<NotificationPreferences>('/me/notification-preferences'),
  });
}
export const savePreferences = (body: UpdateNotificationPreferencesBody) =>
  api.put<NotificationPreferences>('/me/notification-preferences', body);

export function useUnsubscribeInfo(token: string) {
  return useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => api.get<UnsubscribeInfo>(`/notifications/unsubscribe${query({ token })}`),
    enabled: token !== '',
  });
}
export const confirmUnsubscribe = (token: string) =>
  api.post<UnsubscribeInfo>(`/notifications/unsubscribe${query({ token })}`);
