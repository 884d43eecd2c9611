import type {
  NotificationKind,
  NotificationListQuery,
  NotificationPreferences,
  UpdateNotificationPreferencesBody,
} from '../../../common/contracts/notifications.ts';
import { kindsOfSetting, OPTIONAL_EMAIL_KINDS } from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { isoNow } from '../../lib/time.ts';
import { publishNotificationsRead } from './notifications.events.ts';
import {
  cancelPendingEmail,
  countUnreadNotifications,
  findNotification,
  listNotifications,
  listPreferences,
  markNotificationsRead,
  type NotificationListRow,
  upsertPreference,
} from './notifications.repository.ts';

/** The job that e-mails a user's pending immediate notifications (one mail for all of them). */
export const IMMEDIATE_MAIL_JOB = 'notifications.mail';

/**
 * Starts the immediate e-mail of notifications made with `holdMail`: one job per person, which
 * sends everything of theirs that is pending in one mail.
 */
export async function sendHeldMail(ctx: AppContext, userIds: Iterable<string>): Promise<void> {
  for (const userId of new Set(userIds)) await ctx.jobs.enqueue(IMMEDIATE_MAIL_JOB, { userId });
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
