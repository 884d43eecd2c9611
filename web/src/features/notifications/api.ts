import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationPreferences,
  UnreadCount,
  UnsubscribeInfo,
  UpdateNotificationPreferencesBody,
} from '../../../../common/contracts/notifications.ts';
import { api, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** Query keys of the signed-in user's notifications, their unread count and e-mail settings. */
export const notificationKeys = {
  list: [...authKeys.me, 'notifications'] as const,
  unread: [...authKeys.me, 'notifications-unread'] as const,
  preferences: [...authKeys.me, 'notification-preferences'] as const,
  /** What an unsubscribe link (from an e-mail, signed in or not) turns off. */
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      api.get<NotificationList>(`/notifications${query({ cursor: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<UnreadCount>('/notifications/unread-count'),
    enabled,
  });
}

export const markNotificationRead = (id: string) =>
  api.post<UnreadCount>(`/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => api.post<UnreadCount>('/notifications/read-all');

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get<NotificationPreferences>('/me/notification-preferences'),
  });
}
export const savePreferences = (body: UpdateNotificationPreferencesBody) =>
  api.put<NotificationPreferences>('/me/notification-preferences', body);

export function useUnsubscribeInfo(token: string) {
  return useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: () => api.get<UnsubscribeInfo>(`/notifications/unsubscribe${query({ token })}`),
    enabled: token !== '',
  });
}
export const confirmUnsubscribe = (token: string) =>
  api.post<UnsubscribeInfo>(`/notifications/unsubscribe${query({ token })}`);
