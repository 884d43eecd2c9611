import type {
  EmailFrequency,
  NotificationKind,
  NotificationListQuery,
  NotificationPreferences,
  UpdateNotificationPreferencesBody,
} from '../../../common/contracts/notifications.ts';
import {
  emailSettingOf,
  isDigestOnly,
  isTimeBound,
  kindsOfSetting,
  OPTIONAL_EMAIL_KINDS,
} from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { queuePush } from './notification-push.ts';
import { publishNotification, publishNotificationsRead } from './notifications.events.ts';
import {
  bumpNotification,
  cancelPendingEmail,
  countUnreadNotifications,
  findGroupableMessageNotification,
  findNotification,
  insertNotification,
  listNotifications,
  listPreferences,
  markNotificationsRead,
  type NotificationListRow,
  upsertPreference,
} from './notifications.repository.ts';

/** The job that e-mails a user's pending immediate notifications (one mail for all of them). */
export const IMMEDIATE_MAIL_JOB = 'notifications.mail';

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  networkId?: string | null;
  actorId?: string | null;
  topicId?: string | null;
  postId?: string | null;
  conversationId?: string | null;
  messageId?: string | null;
  announcementId?: string | null;
  helpRequestId?: string | null;
  eventId?: string | null;
  /** E-mail at once whatever the recipient's preferences (announcements). */
  force?: boolean;
  /** In the app only, never by e-mail (e.g. someone already e-mailed about the same help request). */
  noEmail?: boolean;
  /**
   * An immediate e-mail waits for the caller's `sendHeldMail` (one mail for a batch, e.g. all the
   * reminders of one run), so that the mail job cannot start between two of them.
   */
  holdMail?: boolean;
}

/**
 * The e-mail route of a kind for a user: their setting for it, else the daily digest. Gentle
 * reminders wait for the digest even when the setting says "at once"; time-bound ones (event
 * reminders) go at once unless the setting says "off".
 */
export async function emailFrequencyOf(
  ctx: AppContext,
  userId: string,
  kind: NotificationKind,
): Promise<EmailFrequency> {
  const setting = emailSettingOf(kind);
  if (setting === null) return 'immediate';
  const chosen = (await listPreferences(ctx.database.db, userId)).get(setting) ?? 'daily';
  if (chosen === 'daily' && isTimeBound(kind)) return 'immediate';
  return chosen === 'immediate' && isDigestOnly(kind) ? 'daily' : chosen;
}

/**
 * Creates a notification, delivers it live to the recipient's sockets and routes its e-mail
 * (at once through the job queue, into the daily digest, or nowhere). Unread messages of one
 * conversation are grouped into one notification. Never throws: the post or message that caused
 * it is saved already, so a failure here is logged, not turned into an error for its writer.
 */
export async function notify(ctx: AppContext, input: NotifyInput): Promise<void> {
  if (input.actorId && input.actorId === input.userId) return;
  try {
    await deliver(ctx, input);
  } catch (err) {
    ctx.log.error({ err, userId: input.userId, kind: input.kind }, 'notification failed');
  }
}

async function deliver(ctx: AppContext, input: NotifyInput): Promise<void> {
  const db = ctx.database.db;
  const now = isoNow();
  if (input.kind === 'message' && input.conversationId && input.messageId) {
    const pending = await findGroupableMessageNotification(db, input.userId, input.conversationId);
    const change = { actorId: input.actorId ?? '', messageId: input.messageId, updatedAt: now };
    if (pending && (await bumpNotification(db, pending.id, change))) {
      await announce(ctx, input.userId, pending.id, 'notification.updated');
      await queuePush(ctx, {
        userId: input.userId,
        kind: input.kind,
        notificationId: pending.id,
        grown: true,
      });
      return;
    }
  }
  const email = input.force
    ? 'immediate'
    : input.noEmail
      ? 'off'
      : await emailFrequencyOf(ctx, input.userId, input.kind);
  const id = newId();
  await insertNotification(db, {
    id,
    userId: input.userId,
    kind: input.kind,
    networkId: input.networkId ?? null,
    actorId: input.actorId ?? null,
    topicId: input.topicId ?? null,
    postId: input.postId ?? null,
    conversationId: input.conversationId ?? null,
    messageId: input.messageId ?? null,
    announcementId: input.announcementId ?? null,
    helpRequestId: input.helpRequestId ?? null,
    eventId: input.eventId ?? null,
    count: 1,
    email,
    readAt: null,
    emailedAt: email === 'off' ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  if (email === 'immediate' && !input.holdMail)
    await ctx.jobs.enqueue(IMMEDIATE_MAIL_JOB, { userId: input.userId });
  await announce(ctx, input.userId, id, 'notification.created');
  await queuePush(ctx, { userId: input.userId, kind: input.kind, notificationId: id });
}

/**
 * Starts the immediate e-mail of notifications made with `holdMail`: one job per person, which
 * sends everything of theirs that is pending in one mail.
 */
export async function sendHeldMail(ctx: AppContext, userIds: Iterable<string>): Promise<void> {
  for (const userId of new Set(userIds)) await ctx.jobs.enqueue(IMMEDIATE_MAIL_JOB, { userId });
}

/** Sends a notification as its recipient sees it in the list to their sockets, with the unread count. */
async function announce(
  ctx: AppContext,
  userId: string,
  id: string,
  type: 'notification.created' | 'notification.updated',
): Promise<void> {
  const db = ctx.database.db;
  const [row] = await listNotifications(db, userId, { ids: [id], limit: 1 });
  if (!row) return;
  await publishNotification(ctx, userId, type, row, await countUnreadNotifications(db, userId));
}

/** The user's notifications, newest first (keyset on the time-ordered id). */
export async function getNotifications(
  ctx: AppContext,
  userId: string,
  query: NotificationListQuery,
): Promise<{ rows: NotificationListRow[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, 1);
  const beforeId = after ? String(after[0]) : undefined;
  const rows = await listNotifications(ctx.database.db, userId, { beforeId, limit: query.limit + 1 });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return { rows: page, nextCursor };
}

/** How many notifications the user has not read. */
export function getUnreadCount(ctx: AppContext, userId: string): Promise<number> {
  return countUnreadNotifications(ctx.database.db, userId);
}

/** Marks one notification (404 if not the user's) or all of them read; tells the user's other tabs. */
export async function markRead(ctx: AppContext, userId: string, id?: string): Promise<number> {
  const db = ctx.database.db;
  if (id && !(await findNotification(db, userId, id))) throw notFound();
  const changed = await markNotificationsRead(db, userId, isoNow(), id);
  const unreadCount = await countUnreadNotifications(db, userId);
  if (changed > 0) await publishNotificationsRead(ctx, userId, id ?? null, unreadCount);
  return unreadCount;
}

/** The user's e-mail settings per kind. */
export async function getPreferences(ctx: AppContext, userId: string): Promise<NotificationPreferences> {
  const saved = await listPreferences(ctx.database.db, userId);
  const pick = (kind: string) => saved.get(kind) ?? 'daily';
  return {
    email: {
      mention: pick('mention'),
      reply: pick('reply'),
      message: pick('message'),
      buddies: pick('buddies'),
      help: pick('help'),
      events: pick('events'),
      applications: pick('applications'),
      progression: pick('progression'),
      reengagement: pick('reengagement'),
      missed: pick('missed'),
      help_wanted: pick('help_wanted'),
      upcoming_events: pick('upcoming_events'),
      records: pick('records'),
    },
    announcementsAlwaysEmailed: true,
  };
}

/** Changes e-mail settings; kinds turned off drop the e-mail still waiting for the digest. */
export async function updatePreferences(
  ctx: AppContext,
  userId: string,
  body: UpdateNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const now = isoNow();
  const off: NotificationKind[] = [];
  for (const kind of OPTIONAL_EMAIL_KINDS) {
    const email = body.email[kind];
    if (!email) continue;
    await upsertPreference(ctx.database.db, userId, kind, email, now);
    if (email === 'off') off.push(...kindsOfSetting(kind));
  }
  await cancelPendingEmail(ctx.database.db, userId, off, now);
  return getPreferences(ctx, userId);
}
