import { addPushDevice, fetchPushKey, removePushDevice } from './api.ts';

/** Which of the account's push subscriptions is this browser's (kept to mark it and to remove it). */
const DEVICE_KEY = 'mn.push.subscription';

/** Whether this browser can receive Web Push at all. */
export function isPushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The service worker's registration, if one is active (production builds register it at start). */
async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration();
}

/** Whether this browser holds a push subscription now. */
export async function hasDeviceSubscription(): Promise<boolean> {
  const reg = await registration();
  return Boolean(await reg?.pushManager.getSubscription());
}

/** The id of this browser's subscription on the server, if it made one. */
export function deviceSubscriptionId(): string | null {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type SubscribeResult = 'subscribed' | 'denied' | 'unsupported';

/**
 * Asks for permission, subscribes through the service worker's pushManager with the instance's
 * VAPID key, and tells the server (with a name for the device).
 */
export async function subscribeThisDevice(label: string): Promise<SubscribeResult> {
  if (!isPushSupported()) return 'unsupported';
  const reg = await registration();
  if (!reg) return 'unsupported';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const { publicKey } = await fetchPushKey();
  const subscription =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(publicKey),
    }));
  const json = subscription.toJSON();
  const saved = await addPushDevice({
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    label,
  });
  try {
    localStorage.setItem(DEVICE_KEY, saved.id);
  } catch {
    // Private mode: the device is still subscribed; it is just not marked in the list.
  }
  return 'subscribed';
}

/** Unsubscribes this browser and removes its subscription from the server. */
export async function unsubscribeThisDevice(): Promise<void> {
  const reg = await registration();
  await (await reg?.pushManager.getSubscription())?.unsubscribe();
  const id = deviceSubscriptionId();
  try {
    localStorage.removeItem(DEVICE_KEY);
  } catch {
    // Nothing stored.
  }
  if (id) await removePushDevice(id).catch(() => undefined);
}
