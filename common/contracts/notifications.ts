import { z } from 'zod';
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS, OPTIONAL_EMAIL_KINDS } from '../notifications.ts';
import { PageQuery } from './networks.ts';

export {
  EMAIL_FREQUENCIES,
  emailSettingOf,
  isDigestOnly,
  isTimeBound,
  kindsOfSetting,
  NOTIFICATION_KINDS,
  OPTIONAL_EMAIL_KINDS,
  type OptionalEmailKind,
} from '../notifications.ts';

export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const EmailFrequency = z.enum(EMAIL_FREQUENCIES);
export type EmailFrequency = z.infer<typeof EmailFrequency>;

export const NotificationListQuery = PageQuery;
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  read: z.boolean(),
  createdAt: z.string(),
  /** Messages of one conversation are grouped while unread: how many there are. */
  count: z.number().int(),
  network: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** Who it is from; `formerMember` when their account was erased since. */
  actor: z.object({ id: z.string(), displayName: z.string(), formerMember: z.boolean() }).nullable(),
  topic: z.object({ id: z.string(), title: z.string() }).nullable(),
  postId: z.string().nullable(),
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  announcement: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The help request it is about (never its title: case consultations stay out of lists and mail). */
  helpRequestId: z.string().nullable(),
  /** The event of a reminder, change, cancellation or place from the waiting list. */
  event: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  notifications: z.array(Notification),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/**
 * Unread notifications are counted up to this many: a count of 100 means "100 or more" (the badge
 * shows "99+"). Counting stops there so that a member who leaves thousands unread costs no more at
 * every notification than one who reads them.
 */
export const UNREAD_COUNT_LIMIT = 100;

export const UnreadCount = z.object({
  unreadCount: z
    .number()
    .int()
    .min(0)
    .max(UNREAD_COUNT_LIMIT)
    .describe(
      `Unread notifications, counted up to ${UNREAD_COUNT_LIMIT} (${UNREAD_COUNT_LIMIT} means that many or more)`,
    ),
});
export type UnreadCount = z.infer<typeof UnreadCount>;

export const NotificationIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const NotificationPreferences = z.object({
  email: z.object({
    mention: EmailFrequency,
    reply: EmailFrequency,
    message: EmailFrequency,
    /** Buddy pairing: requests, proposals, answers, endings and check-in reminders. */
    buddies: EmailFrequency,
    /** Help requests: suggested for one, responses and offers on one's own, thanks, escalations. */
    help: EmailFrequency,
    /** Events: reminders, changes, cancellations, a place from the waiting list. */
    events: EmailFrequency,
    /** Applications to join a network, for its meta-mentors and office. */
    applications: EmailFrequency,
    /** Role progression: being confirmed as experienced or as a meta-mentor candidate. */
    progression: EmailFrequency,
    /** A friendly word after some weeks away from a network. */
    reengagement: EmailFrequency,
    /** "What you missed" in a network, weekly, for a member who did not open the app that week. */
    missed: EmailFrequency,
    /** Help requests in a network still waiting for a helper the member could be, at most weekly. */
    help_wanted: EmailFrequency,
    /** Events in the week ahead the member has not answered yet, at most weekly per network. */
    upcoming_events: EmailFrequency,
    /** Volunteer records (for the meta-mentors and office): checks ending, commitments ending. */
    records: EmailFrequency,
  }),
  /** Always true: announcements are e-mailed to every member at once, whatever the settings. */
  announcementsAlwaysEmailed: z.literal(true),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Changes the given kinds; the others keep their setting. */
export const UpdateNotificationPreferencesBody = z.strictObject({
  email: z
    .strictObject({
      mention: EmailFrequency.optional(),
      reply: EmailFrequency.optional(),
      message: EmailFrequency.optional(),
      buddies: EmailFrequency.optional(),
      help: EmailFrequency.optional(),
      events: EmailFrequency.optional(),
      applications: EmailFrequency.optional(),
      progression: EmailFrequency.optional(),
      reengagement: EmailFrequency.optional(),
      missed: EmailFrequency.optional(),
      help_wanted: EmailFrequency.optional(),
      upcoming_events: EmailFrequency.optional(),
      records: EmailFrequency.optional(),
    })
    .refine((e) => Object.keys(e).length > 0, 'name at least one kind'),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof UpdateNotificationPreferencesBody>;

/** What an unsubscribe link turns off: one kind's e-mail, or all optional e-mail. */
export const UnsubscribeScope = z.enum([...OPTIONAL_EMAIL_KINDS, 'all']);
export type UnsubscribeScope = z.infer<typeof UnsubscribeScope>;

export const UnsubscribeQuery = z.strictObject({ token: z.string().min(1).max(300) });

export const UnsubscribeInfo = z.object({
  scope: UnsubscribeScope,
  /** The address the link was sent to, partly hidden. */
  email: z.string(),
  /** Whether that e-mail is already off. */
  done: z.boolean(),
});
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfo>;

/** Realtime: a notification arrived or changed (grouped messages), with the new unread count. */
export interface NotificationEvent {
  notification: Notification;
  unreadCount: number;
}
