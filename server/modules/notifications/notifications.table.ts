import type { Selectable } from 'kysely';
import type { EmailFrequency, NotificationKind } from '../../../common/contracts/notifications.ts';

export interface NotificationsTable {
  id: string;
  userId: string;
  kind: NotificationKind;
  networkId: string | null;
  actorId: string | null;
  topicId: string | null;
  postId: string | null;
  conversationId: string | null;
  messageId: string | null;
  announcementId: string | null;
  /** The help request it is about (optional: older rows and other kinds have none). */
  helpRequestId?: string | null;
  /** Events: reminders, changes, cancellations, a place from the waiting list. */
  eventId: string | null;
  /** Unread messages of one conversation share one notification: how many. */
  count: number;
  /** The e-mail route chosen when it was created: immediate, daily (digest) or off. */
  email: EmailFrequency;
  readAt: string | null;
  /** When it went out by e-mail (or was dropped from e-mail); null while pending. */
  emailedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
export type NotificationRow = Selectable<NotificationsTable>;

export interface NotificationPreferencesTable {
  userId: string;
  kind: string;
  email: EmailFrequency;
  updatedAt: string;
}

export interface NotificationSettingsTable {
  userId: string;
  unsubscribeKey: string;
  lastDigestAt: string | null;
  createdAt: string;
}
