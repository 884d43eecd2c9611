import type { NotificationKindCode } from './notifications.ts';

/** What a person may choose to be pushed to their devices (C7): a few kinds, each on or off. */
export const PUSH_KINDS = ['message', 'mention', 'announcement', 'help', 'events'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

/** The most push subscriptions (devices and browsers) one person may have. */
export const MAX_PUSH_SUBSCRIPTIONS = 20;

/**
 * The push choice a notification kind follows; null for kinds never pushed (gentle reminders and
 * the rest wait for the app and the e-mail). Help requests and events share one choice each.
 */
export function pushKindOf(kind: NotificationKindCode): PushKind | null {
  if (kind === 'message' || kind === 'mention' || kind === 'announcement') return kind;
  if (kind.startsWith('help_')) return 'help';
  if (kind.startsWith('event_')) return 'events';
  return null;
}

/** Minutes since midnight of an 'HH:MM' time. */
function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Whether a wall-clock time ('HH:MM') falls in the quiet hours from–until (until excluded); the
 * span may cross midnight (22:00–07:00). Equal ends mean no quiet hours.
 */
export function isInQuietHours(now: string, from: string, until: string): boolean {
  const [t, a, b] = [minutesOf(now), minutesOf(from), minutesOf(until)];
  if (a === b) return false;
  return a < b ? t >= a && t < b : t >= a || t < b;
}
