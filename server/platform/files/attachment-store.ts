import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Attachment files live under `<dataDir>/attachments/`, named by their id (never by the uploaded name). */
export interface AttachmentStore {
  write(key: string, bytes: Buffer): Promise<void>;
  /** The file's bytes, or null when it is gone. */
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** An attachment store in the given data directory. */
export function createAttachmentStore(dataDir: string): AttachmentStore {
  const dir = path.join(dataDir, 'attachments');
  const fileOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`malformed attachment key ${JSON.stringify(key)}`);
    return path.join(dir, key);
  };
  return {
    async write(key, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(key), bytes, { flag: 'wx', mode: 0o640 });
    },
    async read(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      try {
        await unlink(fileOf(key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}
