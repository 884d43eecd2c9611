import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type FileStorage, isKey, STORAGE_FOLDERS } from './storage.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files under `<dataDir>/<folder>/<name>` — the default, and the only choice with one instance. */
export function createLocalStorage(dataDir: string): FileStorage {
  const fileOf = (key: string) => path.join(dataDir, checkKey(key));
  const read = async (key: string) => {
    try {
      return await readFile(fileOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // 'wx' fails rather than overwrite, should a key ever repeat.
      await writeFile(file, bytes, { flag: 'wx', mode: 0o640 });
    },
    read,
    async serve(key) {
      const body = await read(key);
      return body ? { kind: 'body', body, size: body.length } : null;
    },
    async remove(key) {
      try {
        await unlink(fileOf(key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async *list() {
      for (const folder of STORAGE_FOLDERS) {
        let names: string[];
        try {
          names = await readdir(path.join(dataDir, folder));
        } catch (error) {
          if (isMissing(error)) continue;
          throw error;
        }
        for (const name of names.sort()) {
          const key = `${folder}/${name}`;
          if (!isKey(key)) continue;
          try {
            const info = await stat(fileOf(key));
            if (info.isFile()) yield { key, size: info.size };
          } catch (error) {
            // Removed since the listing (a replaced avatar): it is no longer stored.
            if (!isMissing(error)) throw error;
          }
        }
      }
    },
    close() {},
  };
}
