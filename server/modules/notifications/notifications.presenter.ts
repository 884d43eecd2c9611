import type { Notification, NotificationList } from '../../../common/contracts/notifications.ts';
import { authorOf } from '../../lib/people.ts';
import type { NotificationListRow } from './notifications.repository.ts';

/** A notification as its recipient sees it; subjects that were deleted meanwhile show as null. */
export function presentNotification(row: NotificationListRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    createdAt: row.createdAt,
    count: row.count,
    network:
      row.networkId && row.networkSlug && row.networkName
        ? { id: row.networkId, slug: row.networkSlug, name: row.networkName }
        : null,
    actor: authorOf(row.actorId, row.actorName, row.actorErasedAt),
    topic: row.topicId && row.topicTitle ? { id: row.topicId, title: row.topicTitle } : null,
    postId: row.postId,
    conversationId: row.conversationId,
    messageId: row.messageId,
    announcement:
      row.announcementId && row.announcementTitle
        ? { id: row.announcementId, title: row.announcementTitle }
        : null,
    helpRequestId: row.helpRequestId ?? null,
    event: row.eventId && row.eventTitle ? { id: row.eventId, title: row.eventTitle } : null,
  };
}

/** A page of the user's notifications, newest first. */
export function presentNotificationList(
  rows: NotificationListRow[],
  nextCursor: string | null,
): NotificationList {
  return { notifications: rows.map(presentNotification), nextCursor };
}
