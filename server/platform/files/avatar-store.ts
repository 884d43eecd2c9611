import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Avatar files live under `<dataDir>/avatars/`, named by a random key the database holds. */
export interface AvatarStore {
  /** Writes a new file and returns its key; never touches existing files. */
  write(bytes: Buffer): Promise<string>;
  /** The file's bytes, or null when it is gone. */
  read(key: string): Promise<Buffer | null>;
  /** Removes a file; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-f0-9]{32}\.webp$/;

/** Keys come from our own database, but a path is only ever built from a well-formed key. */
function fileOf(dir: string, key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`malformed avatar key ${JSON.stringify(key)}`);
  return path.join(dir, key);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** An avatar store in the given data directory. */
export function createAvatarStore(dataDir: string): AvatarStore {
  const dir = path.join(dataDir, 'avatars');
  return {
    async write(bytes) {
      await mkdir(dir, { recursive: true });
      const key = `${randomBytes(16).toString('hex')}.webp`;
      // 'wx' fails rather than overwrite, should a key ever repeat.
      await writeFile(fileOf(dir, key), bytes, { flag: 'wx', mode: 0o640 });
      return key;
    },
    async read(key) {
      try {
        return await readFile(fileOf(dir, key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      try {
        await unlink(fileOf(dir, key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}
