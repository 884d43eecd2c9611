import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import { guardedLookup } from './push-endpoint.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** What the push service is told besides the encrypted payload (RFC 8030 §5.2, §5.3, §5.4). */
export interface PushOptions {
  /** Seconds the push service keeps the message for a device that is offline. */
  ttl: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  /** A newer message with the same topic replaces one still undelivered (≤ 32 base64url characters). */
  topic?: string;
}

/** Delivered to the push service; gone (404/410: the subscription expired, remove it); or failed. */
export type PushOutcome = 'sent' | 'gone' | 'failed';

const TIMEOUT_MS = 10_000;

/**
 * Encrypts the payload for one subscription (aes128gcm, RFC 8291) and signs the request with the
 * instance's VAPID key (RFC 8292) through the web-push library, then sends it over our own HTTP
 * client: its address lookup refuses private addresses (see push-endpoint.ts) and a slow push
 * service cannot hold the job for long.
 */
export async function sendPush(
  subscription: { endpoint: string; p256dh: string; auth: string },
  payload: string,
  options: PushOptions & { vapid: VapidKeys; subject: string; allowPrivate: boolean },
): Promise<{ outcome: PushOutcome; status: number }> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    payload,
    {
      vapidDetails: {
        subject: options.subject,
        publicKey: options.vapid.publicKey,
        privateKey: options.vapid.privateKey,
      },
      TTL: options.ttl,
      urgency: options.urgency,
      ...(options.topic ? { topic: options.topic } : {}),
      contentEncoding: 'aes128gcm',
    },
  );
  const url = new URL(details.endpoint);
  const client = url.protocol === 'https:' ? https : http;
  const status = await new Promise<number>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: details.method,
        headers: details.headers as http.OutgoingHttpHeaders,
        lookup: guardedLookup(options.allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('push service timed out')));
    request.on('error', reject);
    request.end(details.body ?? undefined);
  });
  if (status === 404 || status === 410) return { outcome: 'gone', status };
  return { outcome: status >= 200 && status < 300 ? 'sent' : 'failed', status };
}

/** A new VAPID key pair (P-256, base64url). */
export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
