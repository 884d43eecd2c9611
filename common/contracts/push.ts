import { z } from 'zod';
import { PUSH_KINDS } from '../push.ts';
import { HttpUrl } from './url.ts';

export { isInQuietHours, MAX_PUSH_SUBSCRIPTIONS, PUSH_KINDS, type PushKind, pushKindOf } from '../push.ts';

export const PushKindCode = z.enum(PUSH_KINDS);

/** The instance's VAPID public key (base64url), for the browser's pushManager.subscribe. */
export const PushKey = z.object({ publicKey: z.string() });
export type PushKey = z.infer<typeof PushKey>;

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');

/** One browser's subscription as PushSubscription.toJSON() gives it, with a name for the device. */
export const CreatePushSubscriptionBody = z.strictObject({
  /** The push service's address: the shared web address rule (the sender also wants public https). */
  endpoint: HttpUrl(1000),
  keys: z.strictObject({
    /** The browser's P-256 public key: 65 bytes, 87 characters in base64url. */
    p256dh: Base64Url.min(86).max(90),
    /** The 16-byte authentication secret. */
    auth: Base64Url.min(21).max(24),
  }),
  label: z.string().trim().min(1).max(80),
});
export type CreatePushSubscriptionBody = z.infer<typeof CreatePushSubscriptionBody>;

export const PushSubscription = z.object({
  id: z.string(),
  label: z.string(),
  /** The push service's host (e.g. fcm.googleapis.com): which browser family it is. */
  service: z.string(),
  createdAt: z.string(),
  lastPushedAt: z.string().nullable(),
});
export type PushSubscription = z.infer<typeof PushSubscription>;

export const PushSubscriptionList = z.object({ subscriptions: z.array(PushSubscription) });
export type PushSubscriptionList = z.infer<typeof PushSubscriptionList>;

export const PushSubscriptionIdParams = z.strictObject({ id: z.string().min(1).max(64) });

const WallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone');

/** What is pushed to the person's devices, and when not (quiet hours in their time zone). */
export const PushSettings = z.object({
  kinds: z.array(PushKindCode),
  quietFrom: z.string().nullable(),
  quietUntil: z.string().nullable(),
  timeZone: z.string(),
});
export type PushSettings = z.infer<typeof PushSettings>;

export const UpdatePushSettingsBody = z
  .strictObject({
    kinds: z.array(PushKindCode).max(PUSH_KINDS.length),
    quietFrom: WallClock.nullable(),
    quietUntil: WallClock.nullable(),
    timeZone: TimeZone,
  })
  .refine((body) => (body.quietFrom === null) === (body.quietUntil === null), {
    message: 'give both ends of the quiet hours or neither',
    path: ['quietUntil'],
  });
export type UpdatePushSettingsBody = z.infer<typeof UpdatePushSettingsBody>;
