import type { Config } from '../../config.ts';
import { keyFromDataDir, openSealed, seal } from '../../platform/secrets/index.ts';

/**
 * Mentoring log notes at rest: AES-256-GCM with a random 96-bit IV per note, the activity's id and
 * author bound in as additional data (a sealed note copied onto another row does not open). What
 * this protects: a database dump or backup without the key shows no note in clear. What it does
 * not: anyone holding the key (the running server, an operator with its environment or data
 * directory) can read every note.
 */

export const KEY_FILE = 'activity-notes.key';

/**
 * The notes key: ACTIVITY_NOTES_KEY, else the one in `<dataDir>/activity-notes.key`, generated at
 * the first start (never replaced, so processes sharing the data directory agree on one key).
 */
export function notesKeyOf(config: Pick<Config, 'activityNotesKey' | 'dataDir'>): Buffer {
  return config.activityNotesKey ?? keyFromDataDir(config.dataDir, KEY_FILE);
}

function aadOf(binding: { id: string; userId: string }): string {
  return `activity:${binding.id}:${binding.userId}`;
}

/** Seals a note for storage; an empty note is stored as null. */
export function sealNote(key: Buffer, note: string, binding: { id: string; userId: string }): string | null {
  return note === '' ? null : seal(key, note, aadOf(binding));
}

/** Opens a sealed note; throws when the key or the binding is wrong or the data was changed. */
export function openNote(
  key: Buffer,
  sealed: string | null,
  binding: { id: string; userId: string },
): string {
  return sealed === null ? '' : openSealed(key, sealed, aadOf(binding));
}
