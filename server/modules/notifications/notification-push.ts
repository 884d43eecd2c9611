import { isLocale, type Locale, RTL_LOCALES } from '../../../common/locales.ts';
import { type NotificationKindCode, notificationPath } from '../../../common/notifications.ts';
import { pushKindOf } from '../../../common/push.ts';
import type { AppContext } from '../../context.ts';
import { translate } from '../../lib/i18n.ts';
import { HOUR } from '../../lib/time.ts';
import { type PushOptions, pushToDevices, pushWindow, withPushDevices } from '../push/index.ts';
import { findUserById } from '../users/index.ts';
import { listNotifications, type NotificationListRow } from './notifications.repository.ts';

/** The job that pushes one notification to its recipient's devices. */
export const PUSH_JOB = 'notifications.push';

/**
 * How long a push service keeps a push for a device that is offline, and how urgently it wakes
 * it: a message or a mention is worth waking a phone for and keeps a day; a reminder is useless
 * once the event has begun; the rest keeps a day at normal urgency.
 */
function deliveryOf(kind: NotificationKindCode): Omit<PushOptions, 'topic'> {
  if (kind === 'message' || kind === 'mention') return { ttl: (24 * HOUR) / 1000, urgency: 'high' };
  if (kind === 'event_reminder') return { ttl: HOUR / 1000, urgency: 'high' };
  return { ttl: (24 * HOUR) / 1000, urgency: 'normal' };
}

/**
 * Queues the push of new (or grown) notifications whose kind can be pushed, for those recipients
 * who have a device subscribed (looked up together, queued in one statement); sending waits for
 * the job worker, never for the request that caused them.
 */
export async function queuePushes(
  ctx: AppContext,
  items: { userId: string; kind: NotificationKindCode; notificationId: string; grown?: boolean }[],
): Promise<void> {
  const pushable = items.filter((item) => pushKindOf(item.kind));
  if (pushable.length === 0) return;
  const subscribed = await withPushDevices(ctx, [...new Set(pushable.map((item) => item.userId))]);
  const jobs: PushJob[] = pushable
    .filter((item) => subscribed.has(item.userId))
    .map((item) => ({ userId: item.userId, notificationId: item.notificationId, grown: item.grown }));
  await ctx.jobs.enqueueMany(PUSH_JOB, jobs);
}

interface PushJob {
  userId: string;
  notificationId: string;
  /** A grouped notification got another message (its first one is pushed or waiting already). */
  grown?: boolean;
  /** Already waited once for the end of quiet hours. */
  deferred?: boolean;
}

/** Registers the push job. */
export function startPushJob(ctx: AppContext): void {
  ctx.jobs.handle(PUSH_JOB, async (payload) => {
    const { userId, notificationId, grown, deferred } = payload as PushJob;
    await pushNotification(ctx, userId, notificationId, {
      grown: grown === true,
      deferred: deferred === true,
    });
  });
}

/** The title and text of a push in the person's language (the mail's subject and line of the kind). */
export function pushTextOf(row: NotificationListRow, locale: Locale): { title: string; body: string } {
  const params = {
    actor: row.actorErasedAt
      ? translate(locale, 'discussions.former_member')
      : (row.actorName ?? translate(locale, 'notifications.someone')),
    network: row.networkName ?? '',
    title: row.topicTitle ?? row.announcementTitle ?? row.eventTitle ?? '',
    count: row.count,
  };
  return {
    title: translate(locale, `mail.notification.subject.${row.kind}`, params),
    body: translate(locale, `mail.notification.item.${row.kind}`, params),
  };
}

/**
 * Pushes one notification, unless by now it was read (seen in the app), is about a network the
 * person left, or its kind is not chosen for push. In quiet hours it waits for their end (once;
 * if it is still unread then, it is pushed). Returns how many devices got it.
 */
export async function pushNotification(
  ctx: AppContext,
  userId: string,
  notificationId: string,
  options: { grown?: boolean; deferred?: boolean } = {},
): Promise<number> {
  const user = await findUserById(ctx, userId);
  if (!user || user.suspendedAt) return 0;
  const [row] = await listNotifications(ctx.database.db, userId, { ids: [notificationId], limit: 1 });
  if (!row || row.readAt) return 0;
  const pushKind = pushKindOf(row.kind);
  if (!pushKind) return 0;
  const window = await pushWindow(ctx, userId, pushKind);
  if (window === 'off') return 0;
  if (window !== 'now') {
    // A reminder would come too late after the night; the rest waits for the morning, once (a
    // grouped conversation once for all its messages: the first one's wait pushes the count then).
    if (options.deferred || options.grown || row.kind === 'event_reminder') return 0;
    const job: PushJob = { userId, notificationId, deferred: true };
    await ctx.jobs.enqueue(PUSH_JOB, job, { runAt: window.after });
    return 0;
  }
  const locale: Locale = isLocale(user.locale) ? user.locale : 'en';
  const path = notificationPath({
    kind: row.kind,
    conversationId: row.conversationId,
    networkSlug: row.networkSlug,
    helpRequestId: row.helpRequestId ?? null,
    eventId: row.eventTitle ? row.eventId : null,
    topicId: row.topicTitle ? row.topicId : null,
  });
  return pushToDevices(
    ctx,
    userId,
    {
      ...pushTextOf(row, locale),
      url: `${ctx.config.publicUrl}${path}`,
      // A grouped conversation keeps one notification on the device, updated as messages come.
      tag: row.conversationId ? `conversation-${row.conversationId}` : `notification-${row.id}`,
      lang: locale,
      dir: RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr',
    },
    { ...deliveryOf(row.kind), topic: row.id.replaceAll('-', '') },
  );
}
