import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: the local data directory or an S3-compatible bucket. Keys are
 * `<folder>/<name>` built by the stores in this folder from ids the platform made itself.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Writes a new file; never overwrites one (keys are random or ids). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file's bytes, or null when it is gone. */
  read(key: string): Promise<Buffer | null>;
  /** What to answer a download with, or null when the file is gone. */
  serve(key: string, headers: ServeHeaders): Promise<ServedFile | null>;
  /** Removes a file; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored file (in the folders the platform uses), in no particular order. */
  list(): AsyncIterable<StoredEntry>;
  close(): void;
}

export interface StoredEntry {
  key: string;
  size: number;
}

/** The headers a download is answered with, also passed on to a signed URL. */
export interface ServeHeaders {
  contentType: string;
  contentDisposition?: string;
  cacheControl: string;
}

export type ServedFile =
  | { kind: 'body'; body: Buffer | Readable; size: number }
  | { kind: 'redirect'; url: string };

/** The folders files are kept in; backups and `storage migrate` cover exactly these. */
export const STORAGE_FOLDERS = ['avatars', 'attachments', 'exports'] as const;

const KEY_PATTERN = /^(avatars|attachments|exports)\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Whether a name is one the platform could have stored (listings skip anything else). */
export function isKey(key: string): boolean {
  return KEY_PATTERN.test(key) && !key.includes('..');
}

/** Every key is checked before it becomes a path or an object name. */
export function checkKey(key: string): string {
  if (!isKey(key)) throw new Error(`malformed storage key ${JSON.stringify(key)}`);
  return key;
}
