import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationPreferences,
  UnreadCount,
  UnsubscribeInfo,
  UpdateNotificationPreferencesBody,
} from '../../../../common/contracts/notifications.ts';
import type {
  CreatePushSubscriptionBody,
  PushKey,
  PushSettings,
  PushSubscription,
  PushSubscriptionList,
  UpdatePushSettingsBody,
} from '../../../../common/contracts/push.ts';
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

/** Query keys of Web Push: the instance's public key, the user's devices and push settings. */
export const pushKeys = {
  devices: [...authKeys.me, 'push-subscriptions'] as const,
  settings: [...authKeys.me, 'push-settings'] as const,
};

export const fetchPushKey = () => api.get<PushKey>('/push/key');

export function usePushDevices() {
  return useQuery({
    queryKey: pushKeys.devices,
    queryFn: () => api.get<PushSubscriptionList>('/me/push-subscriptions'),
  });
}
export const addPushDevice = (body: CreatePushSubscriptionBody) =>
  api.post<PushSubscription>('/me/push-subscriptions', body);
export const removePushDevice = (id: string) =>
  api.delete<{ ok: true }>(`/me/push-subscriptions/${encodeURIComponent(id)}`);

export function usePushSettings() {
  return useQuery({
    queryKey: pushKeys.settings,
    queryFn: () => api.get<PushSettings>('/me/push-settings'),
  });
}
export const savePushSettings = (body: UpdatePushSettingsBody) =>
  api.put<PushSettings>('/me/push-settings', body);
