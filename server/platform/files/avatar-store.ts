import { randomBytes } from 'node:crypto';
import type { FileStorage, ServedFile } from './storage.ts';

/** Avatars are stored as `avatars/<key>`, named by a random key the database holds. */
export interface AvatarStore {
  /** Writes a new file and returns its key; never touches existing files. */
  write(bytes: Buffer): Promise<string>;
  /** What to answer a download with, or null when the file is gone. */
  serve(key: string, cacheControl: string): Promise<ServedFile | null>;
  /** The file's bytes, or null when it is gone (the person's data export). */
  read(key: string): Promise<Buffer | null>;
  /** Removes a file; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-f0-9]{32}\.webp$/;
export const AVATAR_TYPE = 'image/webp';

/** Keys come from our own database, but a storage key is only ever built from a well-formed one. */
function storageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`malformed avatar key ${JSON.stringify(key)}`);
  return `avatars/${key}`;
}

/** The avatar store on the platform's file storage. */
export function createAvatarStore(files: FileStorage): AvatarStore {
  return {
    async write(bytes) {
      const key = `${randomBytes(16).toString('hex')}.webp`;
      await files.put(storageKey(key), bytes, AVATAR_TYPE);
      return key;
    },
    serve: (key, cacheControl) => files.serve(storageKey(key), { contentType: AVATAR_TYPE, cacheControl }),
    read: (key) => files.read(storageKey(key)),
    remove: (key) => files.remove(storageKey(key)),
  };
}
