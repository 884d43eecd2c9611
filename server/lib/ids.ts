import { hash, randomBytes } from 'node:crypto';

/** A UUIDv7: time-ordered, so ids sort by creation and make good cursors and index keys. */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An opaque secret for cookies and links: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are stored only as SHA-256 hashes: a leaked table opens no account. One-shot (no Hash
 * object): every signed-in request hashes its session cookie.
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'base64url');
}
