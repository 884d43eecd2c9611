import type { Selectable } from 'kysely';

/** Secrets of the instance made at first start and shared by every instance on the database. */
export interface InstanceKeysTable {
  name: string;
  /** JSON; the VAPID key pair under 'vapid'. */
  value: string;
  createdAt: string;
}

export interface PushSubscriptionsTable {
  id: string;
  userId: string;
  endpoint: string;
  /** The browser's P-256 public key and authentication secret (base64url), for the payload's encryption. */
  p256dh: string;
  auth: string;
  label: string;
  createdAt: string;
  lastPushedAt: string | null;
}
export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;

export interface PushSettingsTable {
  userId: string;
  /** JSON array of push kinds. */
  kinds: string;
  quietFrom: string | null;
  quietUntil: string | null;
  timeZone: string;
  updatedAt: string;
}
export type PushSettingsRow = Selectable<PushSettingsTable>;
