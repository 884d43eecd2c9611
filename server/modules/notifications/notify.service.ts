import type { EmailFrequency, NotificationKind } from '../../../common/contracts/notifications.ts';
import { emailSettingOf, isDigestOnly, isTimeBound } from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { queuePushes } from './notification-push.ts';
import { publishNotifications } from './notifications.events.ts';
import {
  bumpNotifications,
  countUnreadNotificationsOf,
  findGroupableMessageNotifications,
  insertNotifications,
  listNotificationsOfUsers,
  listPreferencesOf,
} from './notifications.repository.ts';
import { IMMEDIATE_MAIL_JOB } from './notifications.service.ts';
import type { NotificationsTable } from './notifications.table.ts';

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
 * The e-mail route of a kind given the recipient's saved settings: their setting for it, else the
 * daily digest. Gentle reminders wait for the digest even when the setting says "at once";
 * time-bound ones (event reminders) go at once unless the setting says "off".
 */
function emailRouteOf(
  kind: NotificationKind,
  saved: Map<string, EmailFrequency> | undefined,
): EmailFrequency {
  const setting = emailSettingOf(kind);
  if (setting === null) return 'immediate';
  const chosen = saved?.get(setting) ?? 'daily';
  if (chosen === 'daily' && isTimeBound(kind)) return 'immediate';
  return chosen === 'immediate' && isDigestOnly(kind) ? 'daily' : chosen;
}

/**
 * Creates a notification, delivers it live to the recipient's sockets and routes its e-mail
 * (at once through the job queue, into the daily digest, or nowhere). Never throws.
 */
export function notify(ctx: AppContext, input: NotifyInput): Promise<void> {
  return notifyMany(ctx, [input]);
}

/**
 * Notifies the recipients of one event (one input per person) together: their notifications are
 * written in one transaction (a multi-row insert; unread messages of one conversation grouped into
 * the pending notification set-wise), and after the commit each recipient gets their realtime
 * event with the unread count, the mail and push jobs queued in one statement each. Nobody is told
 * about their own doing. Never throws: the post or message that caused it is saved already, so a
 * failure here is logged, not turned into an error for its writer.
 */
export async function notifyMany(ctx: AppContext, inputs: NotifyInput[]): Promise<void> {
  const wanted = inputs.filter((input) => !(input.actorId && input.actorId === input.userId));
  if (wanted.length === 0) return;
  try {
    await deliver(ctx, wanted);
  } catch (err) {
    const userIds = wanted.map((input) => input.userId);
    ctx.log.error({ err, userIds, kind: wanted[0]?.kind }, 'notification failed');
  }
}

interface Delivered {
  input: NotifyInput;
  id: string;
  type: 'notification.created' | 'notification.updated';
}

async function deliver(ctx: AppContext, inputs: NotifyInput[]): Promise<void> {
  const db = ctx.database.db;
  const now = isoNow();
  const userIds = [...new Set(inputs.map((input) => input.userId))];
  const pending = await findPendingGroups(ctx, inputs);
  const needsSettings = inputs.some((input) => !input.force && !input.noEmail && emailSettingOf(input.kind));
  const settings = needsSettings ? await listPreferencesOf(db, userIds) : new Map();
  const delivered: Delivered[] = [];
  const mailTo = new Set<string>();
  await withTransaction(ctx, async (tx) => {
    const grown = await bumpPending(tx, inputs, pending, now);
    const rows: NotificationsTable[] = [];
    for (const input of inputs) {
      const bumped = grown.get(input);
      if (bumped) {
        delivered.push({ input, id: bumped, type: 'notification.updated' });
        continue;
      }
      const email = input.force
        ? 'immediate'
        : input.noEmail
          ? 'off'
          : emailRouteOf(input.kind, settings.get(input.userId));
      const row = newRow(input, email, now);
      rows.push(row);
      delivered.push({ input, id: row.id, type: 'notification.created' });
      if (email === 'immediate' && !input.holdMail) mailTo.add(input.userId);
    }
    await insertNotifications(tx.database.db, rows);
  });
  // After the commit: the mail job (one per person; it sends everything of theirs pending), the
  // live events, then the pushes.
  await ctx.jobs.enqueueMany(
    IMMEDIATE_MAIL_JOB,
    [...mailTo].map((userId) => ({ userId })),
  );
  await announce(ctx, delivered);
  await queuePushes(
    ctx,
    delivered.map(({ input, id, type }) => ({
      userId: input.userId,
      kind: input.kind,
      notificationId: id,
      grown: type === 'notification.updated' ? true : undefined,
    })),
  );
}

function newRow(input: NotifyInput, email: EmailFrequency, now: string): NotificationsTable {
  return {
    id: newId(),
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
  };
}

/** Messages group: per conversation, each recipient's pending notification (one query per conversation). */
async function findPendingGroups(ctx: AppContext, inputs: NotifyInput[]): Promise<Map<NotifyInput, string>> {
  const byConversation = new Map<string, NotifyInput[]>();
  for (const input of inputs) {
    if (input.kind !== 'message' || !input.conversationId || !input.messageId) continue;
    byConversation.set(input.conversationId, [...(byConversation.get(input.conversationId) ?? []), input]);
  }
  const pending = new Map<NotifyInput, string>();
  for (const [conversationId, group] of byConversation) {
    const userIds = group.map((input) => input.userId);
    const found = await findGroupableMessageNotifications(ctx.database.db, conversationId, userIds);
    for (const input of group) {
      const id = found.get(input.userId);
      if (id) pending.set(input, id);
    }
  }
  return pending;
}

/**
 * Adds the message to the pending notifications, one update per message (all its recipients);
 * returns those that grew (one read or mailed meanwhile gets a new notification instead).
 */
async function bumpPending(
  tx: AppContext,
  inputs: NotifyInput[],
  pending: Map<NotifyInput, string>,
  now: string,
): Promise<Map<NotifyInput, string>> {
  const byMessage = new Map<string, NotifyInput[]>();
  for (const input of inputs) {
    if (!pending.has(input)) continue;
    const key = JSON.stringify([input.actorId ?? '', input.messageId ?? '']);
    byMessage.set(key, [...(byMessage.get(key) ?? []), input]);
  }
  const grown = new Map<NotifyInput, string>();
  for (const group of byMessage.values()) {
    const first = group[0] as NotifyInput;
    const change = { actorId: first.actorId ?? '', messageId: first.messageId ?? '', updatedAt: now };
    const ids = group.map((input) => pending.get(input) as string);
    const bumped = new Set(await bumpNotifications(tx.database.db, ids, change));
    for (const input of group) {
      const id = pending.get(input) as string;
      if (bumped.has(id)) grown.set(input, id);
    }
  }
  return grown;
}

/**
 * Sends each notification as its recipient sees it in the list to their sockets, with their unread
 * count: the rows and the counts are read for everyone at once.
 */
async function announce(ctx: AppContext, delivered: Delivered[]): Promise<void> {
  if (delivered.length === 0) return;
  const db = ctx.database.db;
  const rows = new Map(
    (
      await listNotificationsOfUsers(
        db,
        delivered.map((d) => d.id),
      )
    ).map((r) => [r.id, r]),
  );
  const recipients = [...new Set([...rows.values()].map((r) => r.userId))];
  const unread = await countUnreadNotificationsOf(db, recipients);
  const items = [];
  for (const { id, type } of delivered) {
    const found = rows.get(id);
    if (!found) continue;
    const { userId, ...row } = found;
    items.push({ userId, type, row, unreadCount: unread.get(userId) ?? 0 });
  }
  await publishNotifications(ctx, items);
}
