import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const keys = new Map<string, Buffer>();

/**
 * A 32-byte key kept in `<dataDir>/<fileName>`, generated at first use (never replaced, so
 * processes sharing the data directory agree on one key). Instances that do not share a data
 * directory need the key from their configuration instead.
 */
export function keyFromDataDir(dataDir: string, fileName: string): Buffer {
  const file = path.join(dataDir, fileName);
  const cached = keys.get(file);
  if (cached) return cached;
  mkdirSync(dataDir, { recursive: true });
  // Written whole under a temporary name, then linked into place: a process that starts at the same
  // moment either links first or reads the complete key of the one that did.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
  keys.set(file, key);
  return key;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a text for storage: AES-256-GCM with a random 96-bit IV, `binding` as additional data (a
 * sealed value copied onto another row does not open). Base64 of version, IV, ciphertext, tag.
 */
export function seal(key: Buffer, text: string, binding: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString('base64');
}

/** Opens a sealed text; throws when the key or the binding is wrong or the data was changed. */
export function openSealed(key: Buffer, sealed: string, binding: string): string {
  const data = Buffer.from(sealed, 'base64');
  if (data[0] !== VERSION || data.length < 1 + IV_BYTES + TAG_BYTES) throw new Error('unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(binding, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(data.subarray(1 + IV_BYTES, data.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
