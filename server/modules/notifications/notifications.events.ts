import type { ServerEvents, ServerEventType } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import { realtimeEvent, rooms } from '../../platform/realtime/index.ts';
import { presentNotification } from './notifications.presenter.ts';
import type { NotificationListRow } from './notifications.repository.ts';

/**
 * Notification events go to the recipient's own room (every tab of theirs), with the new unread
 * count for the badge. The notification is stored by now: a failing publication is logged, never
 * turned into an error for whoever caused it.
 */
async function publishToUser<K extends ServerEventType>(
  ctx: AppContext,
  userId: string,
  type: K,
  data: ServerEvents[K],
): Promise<void> {
  try {
    await ctx.realtime.publish(rooms.user(userId), realtimeEvent(type, data));
  } catch (err) {
    ctx.log.warn({ err, userId, type }, 'realtime publish failed');
  }
}

/** New or grown notifications of many recipients (a fan-out), each to its recipient's room, together. */
export async function publishNotifications(
  ctx: AppContext,
  items: {
    userId: string;
    type: 'notification.created' | 'notification.updated';
    row: NotificationListRow;
    unreadCount: number;
  }[],
): Promise<void> {
  try {
    await ctx.realtime.publishMany(
      items.map(({ userId, type, row, unreadCount }) => ({
        room: rooms.user(userId),
        event: realtimeEvent(type, { notification: presentNotification(row), unreadCount }),
      })),
    );
  } catch (err) {
    ctx.log.warn({ err, recipients: items.length }, 'realtime publish failed');
  }
}

/** One (id) or all (null) of the user's notifications were marked read, e.g. in another tab. */
export function publishNotificationsRead(
  ctx: AppContext,
  userId: string,
  id: string | null,
  unreadCount: number,
): Promise<void> {
  return publishToUser(ctx, userId, 'notification.read', { id, unreadCount });
}
