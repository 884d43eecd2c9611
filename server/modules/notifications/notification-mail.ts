import {
  type EmailFrequency,
  emailSettingOf,
  type UnsubscribeScope,
} from '../../../common/contracts/notifications.ts';
import { isLocale, type Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { translate } from '../../lib/i18n.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type { NotificationMailItem } from '../../platform/mail/index.ts';
import { findUserById, type UserRow } from '../users/index.ts';
import { startPushJob } from './notification-push.ts';
import {
  claimPendingEmail,
  findAnnouncementForMail,
  hasPendingJob,
  listNotifications,
  listUsersWithPendingDigest,
  type NotificationListRow,
  setLastDigestAt,
} from './notifications.repository.ts';
import { IMMEDIATE_MAIL_JOB } from './notifications.service.ts';
import { unsubscribeUrl } from './unsubscribe.service.ts';

/** The recurring job that sends the daily digests; each run schedules the next. */
export const DIGEST_JOB = 'notifications.digest';

/** The next time (after `now`) the clock shows `hour`:00 UTC. */
export function nextDigestAt(now: number, hourUtc: number): string {
  const day = Math.floor(now / DAY) * DAY;
  const today = day + hourUtc * HOUR;
  return new Date(today > now ? today : today + DAY).toISOString();
}

/** Registers the notification jobs (mail, push) and makes sure a digest run is scheduled. */
export async function startNotificationJobs(ctx: AppContext): Promise<void> {
  startPushJob(ctx);
  ctx.jobs.handle(IMMEDIATE_MAIL_JOB, async (payload) => {
    await sendPendingMail(ctx, (payload as { userId: string }).userId, 'immediate');
  });
  ctx.jobs.handle(DIGEST_JOB, async () => {
    await runDigest(ctx);
    await scheduleDigest(ctx, ['pending']);
  });
  await scheduleDigest(ctx, ['pending', 'running']);
}

/** Enqueues the next digest run unless one is waiting (several instances collapse into one chain). */
async function scheduleDigest(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  if (await hasPendingJob(ctx.database.db, DIGEST_JOB, statuses)) return;
  await ctx.jobs.enqueue(DIGEST_JOB, {}, { runAt: nextDigestAt(Date.now(), ctx.config.digestHourUtc) });
}

/** One digest mail per user with anything unread they have not been mailed about. */
export async function runDigest(ctx: AppContext): Promise<number> {
  const until = isoNow();
  let sent = 0;
  for (const userId of await listUsersWithPendingDigest(ctx.database.db, until)) {
    if (await sendPendingMail(ctx, userId, 'daily', until)) sent++;
    await setLastDigestAt(ctx.database.db, userId, until);
  }
  return sent;
}

function localeOf(user: UserRow): Locale {
  return isLocale(user.locale) ? user.locale : 'en';
}

function itemOf(row: NotificationListRow, locale: Locale): NotificationMailItem {
  return {
    kind: row.kind,
    // Someone whose account was erased since has no name any more.
    actor: row.actorErasedAt ? translate(locale, 'discussions.former_member') : (row.actorName ?? ''),
    network: row.networkName ?? '',
    title: row.topicTitle ?? row.announcementTitle ?? row.eventTitle ?? '',
    count: row.count,
  };
}

/**
 * Sends what is pending for one user on one route in as few mails as possible: announcements each
 * in full (they are always mailed), everything else in one mail. Returns whether anything went out.
 */
export async function sendPendingMail(
  ctx: AppContext,
  userId: string,
  route: EmailFrequency,
  until = isoNow(),
): Promise<boolean> {
  const db = ctx.database.db;
  const user = await findUserById(ctx, userId);
  if (!user || user.suspendedAt) return false;
  const claimed = await claimPendingEmail(db, userId, route, isoNow(), until);
  if (claimed.length === 0) return false;
  // The list query also hides what came from networks the user has left meanwhile.
  const rows = await listNotifications(db, userId, { ids: claimed.map((r) => r.id), limit: claimed.length });
  rows.reverse();
  const locale = localeOf(user);
  let sent = false;
  for (const row of rows.filter((r) => r.kind === 'announcement' && r.announcementId)) {
    const announcement = await findAnnouncementForMail(db, row.announcementId as string);
    if (!announcement) continue;
    const url = await unsubscribeUrl(ctx, userId, 'all');
    await ctx.mailer.send(
      user.email,
      locale,
      {
        name: 'announcement',
        params: {
          name: user.displayName,
          network: announcement.networkName,
          author: announcement.authorName ?? announcement.networkName,
          title: announcement.title,
          text: announcement.bodySource,
          url: `${ctx.config.publicUrl}/networks/${announcement.networkSlug}`,
          unsubscribeUrl: url,
        },
      },
      { headers: unsubscribeHeaders(url) },
    );
    sent = true;
  }
  const others = rows.filter((r) => r.kind !== 'announcement');
  if (others.length > 0) {
    // One setting behind everything in an immediate mail: its link turns off that setting only.
    const settings = new Set(others.map((r) => emailSettingOf(r.kind)));
    const [only] = settings;
    const scope: UnsubscribeScope = route === 'immediate' && settings.size === 1 && only ? only : 'all';
    const url = await unsubscribeUrl(ctx, userId, scope);
    await ctx.mailer.send(
      user.email,
      locale,
      {
        name: route === 'daily' ? 'notification_digest' : 'notification',
        params: {
          name: user.displayName,
          items: others.map((row) => itemOf(row, locale)),
          url: `${ctx.config.publicUrl}/notifications`,
          unsubscribeUrl: url,
        },
      },
      { headers: unsubscribeHeaders(url) },
    );
    sent = true;
  }
  return sent;
}

/**
 * RFC 2369 / RFC 8058: mail programs offer a one-click unsubscribe button, which POSTs straight to
 * the API (the link in the mail text opens the confirmation page of the web app instead).
 */
function unsubscribeHeaders(pageUrl: string): Record<string, string> {
  const oneClick = pageUrl.replace('/unsubscribe?', '/api/notifications/unsubscribe?');
  return { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
