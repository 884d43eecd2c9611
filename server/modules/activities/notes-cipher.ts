import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Mentoring log notes at rest: AES-256-GCM with a random 96-bit IV per note, the activity's id and
 * author bound in as additional data (a sealed note copied onto another row does not open). What
 * this protects: a database dump or backup without the key shows no note in clear. What it does
 * not: anyone holding the key (the running server, an operator with its environment or data
 * directory) can read every note.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE = 'activity-notes.key';

const keys = new Map<string, Buffer>();

/**
 * The notes key: ACTIVITY_NOTES_KEY, else the one in `<dataDir>/activity-notes.key`, generated at
 * first use (created exclusively, so processes sharing the data directory agree on one key).
 */
export function notesKeyOf(config: Pick<Config, 'activityNotesKey' | 'dataDir'>): Buffer {
  if (config.activityNotesKey) return config.activityNotesKey;
  const file = path.join(config.dataDir, KEY_FILE);
  const cached = keys.get(file);
  if (cached) return cached;
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
  keys.set(file, key);
  return key;
}

function aadOf(binding: { id: string; userId: string }): Buffer {
  return Buffer.from(`activity:${binding.id}:${binding.userId}`, 'utf8');
}

/** Seals a note for storage; an empty note is stored as null. */
export function sealNote(key: Buffer, note: string, binding: { id: string; userId: string }): string | null {
  if (note === '') return null;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(binding));
  const body = Buffer.concat([cipher.update(note, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString('base64');
}

/** Opens a sealed note; throws when the key or the binding is wrong or the data was changed. */
export function openNote(
  key: Buffer,
  sealed: string | null,
  binding: { id: string; userId: string },
): string {
  if (sealed === null) return '';
  const data = Buffer.from(sealed, 'base64');
  if (data[0] !== VERSION || data.length < 1 + IV_BYTES + TAG_BYTES) throw new Error('unknown note format');
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aadOf(binding));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(data.subarray(1 + IV_BYTES, data.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
