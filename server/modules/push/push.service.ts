import {
  type CreatePushSubscriptionBody,
  isInQuietHours,
  MAX_PUSH_SUBSCRIPTIONS,
  PUSH_KINDS,
  type PushKind,
  type PushSettings,
  type UpdatePushSettingsBody,
} from '../../../common/contracts/push.ts';
import { canManagePushSubscription } from '../../../common/policies/push.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import {
  countPushSubscriptions,
  deletePushSubscription,
  findInstanceKey,
  findPushSettings,
  findPushSubscription,
  findPushSubscriptionByEndpoint,
  insertInstanceKeyOnce,
  insertPushSubscription,
  listPushSubscriptions,
  listUsersWithPushSubscriptions,
  markPushed,
  updatePushSubscription,
  upsertPushSettings,
} from './push.repository.ts';
import { generateVapidKeys, type PushOptions, sendPush, type VapidKeys } from './push.sender.ts';
import type { PushSubscriptionRow } from './push.table.ts';
import { checkPushEndpoint } from './push-endpoint.ts';

const VAPID_KEY = 'vapid';
const vapidCache = new WeakMap<AppContext, VapidKeys>();

/**
 * The instance's VAPID key pair: made and stored at first start; every later start and every
 * other instance on the database reads the same pair (browsers' subscriptions are bound to it).
 */
export async function ensureVapidKeys(ctx: AppContext): Promise<VapidKeys> {
  const cached = vapidCache.get(ctx);
  if (cached) return cached;
  const db = ctx.database.db;
  let stored = await findInstanceKey(db, VAPID_KEY);
  if (!stored) {
    await insertInstanceKeyOnce(db, {
      name: VAPID_KEY,
      value: JSON.stringify(generateVapidKeys()),
      createdAt: isoNow(),
    });
    stored = await findInstanceKey(db, VAPID_KEY);
  }
  if (!stored) throw new Error('VAPID keys could not be stored');
  const keys = JSON.parse(stored) as VapidKeys;
  vapidCache.set(ctx, keys);
  return keys;
}

/** The public half of the VAPID key pair, for the browser's pushManager.subscribe. */
export async function getPushPublicKey(ctx: AppContext): Promise<string> {
  return (await ensureVapidKeys(ctx)).publicKey;
}

/**
 * Subscribes a device. An endpoint already known is renewed, and moves to whoever subscribes it
 * now (one browser, a new person signed in: pushes follow the browser's current person). Past
 * the limit the oldest device of the person makes room.
 */
export async function subscribeDevice(
  ctx: AppContext,
  userId: string,
  body: CreatePushSubscriptionBody,
): Promise<PushSubscriptionRow> {
  checkPushEndpoint(body.endpoint, ctx.config.pushAllowPrivateEndpoints);
  const db = ctx.database.db;
  const change = { userId, p256dh: body.keys.p256dh, auth: body.keys.auth, label: body.label };
  const known = await findPushSubscriptionByEndpoint(db, body.endpoint);
  if (known) {
    await updatePushSubscription(db, known.id, change);
    return { ...known, ...change };
  }
  if ((await countPushSubscriptions(db, userId)) >= MAX_PUSH_SUBSCRIPTIONS) {
    const [oldest] = await listPushSubscriptions(db, userId);
    if (oldest) await deletePushSubscription(db, oldest.id);
  }
  const row: PushSubscriptionRow = {
    id: newId(),
    endpoint: body.endpoint,
    ...change,
    createdAt: isoNow(),
    lastPushedAt: null,
  };
  await insertPushSubscription(db, row);
  return row;
}

/** The person's subscribed devices, oldest first. */
export function listDevices(ctx: AppContext, userId: string): Promise<PushSubscriptionRow[]> {
  return listPushSubscriptions(ctx.database.db, userId);
}

/** Those of these people who have a device subscribed, in one query (a fan-out queues push for them only). */
export async function withPushDevices(ctx: AppContext, userIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const chunk = userIds.slice(i, i + 1000);
    for (const id of await listUsersWithPushSubscriptions(ctx.database.db, chunk)) found.add(id);
  }
  return found;
}

/** Whether the person has any device subscribed (no push job is queued otherwise). */
export async function hasPushDevices(ctx: AppContext, userId: string): Promise<boolean> {
  return (await countPushSubscriptions(ctx.database.db, userId)) > 0;
}

/** Unsubscribes one of the person's devices; 404 for anyone else's (or none). */
export async function unsubscribeDevice(ctx: AppContext, userId: string, id: string): Promise<void> {
  const row = await findPushSubscription(ctx.database.db, id);
  if (!row || !canManagePushSubscription(userId, row.userId)) throw notFound();
  await deletePushSubscription(ctx.database.db, id);
}

/** The person's push settings; by default every kind, no quiet hours. */
export async function getPushSettings(ctx: AppContext, userId: string): Promise<PushSettings> {
  const row = await findPushSettings(ctx.database.db, userId);
  if (!row) return { kinds: [...PUSH_KINDS], quietFrom: null, quietUntil: null, timeZone: 'UTC' };
  const chosen = new Set(JSON.parse(row.kinds) as string[]);
  return {
    kinds: PUSH_KINDS.filter((kind) => chosen.has(kind)),
    quietFrom: row.quietFrom,
    quietUntil: row.quietUntil,
    timeZone: row.timeZone,
  };
}

/** Saves the person's push settings. */
export async function updatePushSettings(
  ctx: AppContext,
  userId: string,
  body: UpdatePushSettingsBody,
): Promise<PushSettings> {
  await upsertPushSettings(ctx.database.db, {
    userId,
    kinds: JSON.stringify(PUSH_KINDS.filter((kind) => body.kinds.includes(kind))),
    quietFrom: body.quietFrom,
    quietUntil: body.quietUntil,
    timeZone: body.timeZone,
    updatedAt: isoNow(),
  });
  return getPushSettings(ctx, userId);
}

/** The wall-clock time ('HH:MM') in a time zone. */
function wallClock(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now)
    .slice(0, 5);
}

/**
 * Whether a push of this kind may go to the person now: 'off' when they did not choose the kind,
 * the time their quiet hours end when it is quiet now, else 'now'.
 */
export async function pushWindow(
  ctx: AppContext,
  userId: string,
  kind: PushKind,
  now = new Date(),
): Promise<'now' | 'off' | { after: string }> {
  const settings = await getPushSettings(ctx, userId);
  if (!settings.kinds.includes(kind)) return 'off';
  const { quietFrom, quietUntil, timeZone } = settings;
  if (!quietFrom || !quietUntil) return 'now';
  const quietAt = (at: Date) => isInQuietHours(wallClock(at, timeZone), quietFrom, quietUntil);
  if (!quietAt(now)) return 'now';
  // Walk forward in five-minute steps (time zones and summer time make arithmetic unreliable).
  const step = 5 * 60_000;
  let at = now.getTime();
  for (let i = 0; i < 24 * 12 && quietAt(new Date(at)); i++) at += step;
  return { after: new Date(at).toISOString() };
}

/** What a push shows: the service worker turns it into a system notification. */
export interface PushMessage {
  title: string;
  body: string;
  /** Opened when the notification is clicked. */
  url: string;
  /** Notifications with one tag replace each other on the device. */
  tag: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * Pushes a message to every device of the person; subscriptions the push service calls gone
 * (404/410) are removed. Returns how many devices the push service accepted it for. Throws when
 * no device got it and some failed otherwise, so that the job is tried again later; once one
 * device has it, the others are not retried (the person would see it twice on the first).
 */
export async function pushToDevices(
  ctx: AppContext,
  userId: string,
  message: PushMessage,
  options: PushOptions,
): Promise<number> {
  const db = ctx.database.db;
  const devices = await listPushSubscriptions(db, userId);
  if (devices.length === 0) return 0;
  const vapid = await ensureVapidKeys(ctx);
  const payload = JSON.stringify(message);
  let sent = 0;
  let failed = 0;
  for (const device of devices) {
    try {
      const { outcome, status } = await sendPush(device, payload, {
        ...options,
        vapid,
        subject: vapidSubject(ctx),
        allowPrivate: ctx.config.pushAllowPrivateEndpoints,
      });
      if (outcome === 'sent') {
        sent++;
        await markPushed(db, device.id, isoNow());
      } else if (outcome === 'gone') {
        await deletePushSubscription(db, device.id);
      } else {
        failed++;
        ctx.log.warn({ userId, subscriptionId: device.id, status }, 'push refused by the push service');
      }
    } catch (err) {
      failed++;
      ctx.log.warn({ err, userId, subscriptionId: device.id }, 'push failed');
    }
  }
  if (failed > 0 && sent === 0) throw new Error(`push failed for ${failed} device(s)`);
  return sent;
}

/** Who push services may contact about our pushes (RFC 8292): the sender address of the mails. */
function vapidSubject(ctx: AppContext): string {
  const address = /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom;
  return ctx.config.publicUrl.startsWith('https:') ? ctx.config.publicUrl : `mailto:${address}`;
}
