import type { FileStorage, ServedFile, ServeHeaders } from './storage.ts';

/** Attachments are stored as `attachments/<id>` (never by the uploaded name). */
export interface AttachmentStore {
  write(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** What to answer a download with, or null when the file is gone. */
  serve(key: string, headers: ServeHeaders): Promise<ServedFile | null>;
  /** The file's bytes, or null when it is gone (the uploader's data export). */
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function storageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`malformed attachment key ${JSON.stringify(key)}`);
  return `attachments/${key}`;
}

/** The attachment store on the platform's file storage. */
export function createAttachmentStore(files: FileStorage): AttachmentStore {
  return {
    write: (key, bytes, contentType) => files.put(storageKey(key), bytes, contentType),
    serve: (key, headers) => files.serve(storageKey(key), headers),
    read: (key) => files.read(storageKey(key)),
    remove: (key) => files.remove(storageKey(key)),
  };
}
