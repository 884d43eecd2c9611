import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type FileStorage, isKey } from '../files/index.ts';
import { countSqliteRows, DATABASE_ENTRY, FILES_PREFIX, MANIFEST, type Manifest } from './backup.ts';
import { readTar, TarFormatError } from './tar.ts';

/** Why a restore was refused; the message is for the operator, as it stands. */
export class RestoreRefused extends Error {}

const AVATAR_TYPE = 'image/webp';

/** Whether a directory is missing or has nothing in it. */
async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

interface Staged {
  size: number;
  sha256: string;
}

/**
 * Restores an archive of `writeBackup` into an empty DATA_DIR (and empty file storage): every
 * entry is unpacked into a staging folder and checked against the manifest before anything is
 * put in place. `withDatabase` false: a files-only archive, for PostgreSQL.
 */
export async function restoreBackup(options: {
  archive: string;
  dataDir: string;
  files: FileStorage;
  withDatabase: boolean;
}): Promise<Manifest> {
  const { dataDir, files } = options;
  await access(options.archive);
  if (!(await isEmptyDir(dataDir))) {
    throw new RestoreRefused(
      `DATA_DIR ${dataDir} is not empty. Restore into an empty directory (or move its contents aside).`,
    );
  }
  if (files.kind === 's3') {
    for await (const _ of files.list()) {
      throw new RestoreRefused('The S3 bucket already holds files. Restore into an empty bucket.');
    }
  }
  await mkdir(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.restore-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  try {
    const staged = new Map<string, Staged>();
    let manifestBytes: Buffer | undefined;
    const open = async (name: string) => {
      if (staged.has(name) || (name === MANIFEST && manifestBytes))
        throw new RestoreRefused(`The archive holds ${name} twice.`);
      if (name === MANIFEST) {
        const chunks: Buffer[] = [];
        return {
          write: (c: Buffer) => void chunks.push(Buffer.from(c)),
          end: () => {
            manifestBytes = Buffer.concat(chunks);
          },
        };
      }
      const isFile = name.startsWith(FILES_PREFIX) && isKey(name.slice(FILES_PREFIX.length));
      if (name !== DATABASE_ENTRY && !isFile)
        throw new RestoreRefused(
          `The archive holds an unexpected entry ${JSON.stringify(name)}; it is not a mentorNET backup.`,
        );
      const hash = createHash('sha256');
      const file = path.join(staging, name);
      await mkdir(path.dirname(file), { recursive: true });
      const out = createWriteStream(file, { flags: 'wx', mode: 0o640 });
      let written = 0;
      return {
        async write(chunk: Buffer) {
          hash.update(chunk);
          written += chunk.length;
          if (!out.write(chunk)) await once(out, 'drain');
        },
        async end() {
          out.end();
          await finished(out);
          staged.set(name, { size: written, sha256: hash.digest('hex') });
        },
      };
    };
    try {
      const gunzip = createGunzip();
      // pipeline passes a read error on to gunzip, so reading the archive fails instead of waiting.
      pipeline(createReadStream(options.archive), gunzip).catch(() => {});
      await readTar(gunzip, open);
    } catch (error) {
      if (error instanceof RestoreRefused) throw error;
      if (
        error instanceof TarFormatError ||
        /incorrect header check|unexpected end of file|invalid/i.test((error as Error).message)
      ) {
        throw new RestoreRefused(
          `The archive is damaged or not a mentorNET backup (${(error as Error).message}).`,
        );
      }
      throw error;
    }
    const manifest = parseManifest(manifestBytes);
    verify(manifest, staged, options.withDatabase);

    // Verified: put everything in place, the database last so a half-done restore is plain to see.
    for (const entry of manifest.files) {
      const bytes = await readFile(path.join(staging, FILES_PREFIX, entry.key));
      await files.put(
        entry.key,
        bytes,
        entry.key.startsWith('avatars/') ? AVATAR_TYPE : 'application/octet-stream',
      );
    }
    if (manifest.database) {
      const restored = path.join(dataDir, DATABASE_ENTRY);
      await rename(path.join(staging, DATABASE_ENTRY), restored);
      const counts = countSqliteRows(restored);
      for (const [table, rows] of Object.entries(manifest.database.tables)) {
        if (counts[table] !== rows) {
          throw new RestoreRefused(
            `Table ${table} has ${counts[table]} rows after restore, the manifest says ${rows}.`,
          );
        }
      }
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function parseManifest(bytes: Buffer | undefined): Manifest {
  if (!bytes)
    throw new RestoreRefused('The archive has no manifest.json; it is incomplete or not a mentorNET backup.');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch {
    throw new RestoreRefused('The manifest.json of the archive is not readable.');
  }
  if (manifest.format !== 'mentornet-backup' || manifest.version !== 1 || !Array.isArray(manifest.files)) {
    throw new RestoreRefused('The manifest.json is not one of a mentorNET backup (format 1).');
  }
  return manifest;
}

/** Every entry must match the manifest exactly: nothing missing, nothing extra, no byte changed. */
function verify(manifest: Manifest, staged: Map<string, Staged>, withDatabase: boolean): void {
  if (withDatabase && !manifest.database) {
    throw new RestoreRefused(
      'This archive holds files only (a PostgreSQL platform’s backup). Restore the database with pg_restore and run restore with DATABASE_URL set.',
    );
  }
  if (!withDatabase && manifest.database) {
    throw new RestoreRefused(
      'This archive holds a SQLite database; restore it without DATABASE_URL (into an empty DATA_DIR).',
    );
  }
  const expected = new Map<string, Staged>(manifest.files.map((f) => [`${FILES_PREFIX}${f.key}`, f]));
  if (manifest.database) expected.set(DATABASE_ENTRY, manifest.database);
  const problems: string[] = [];
  for (const [name, want] of expected) {
    const got = staged.get(name);
    if (!got) problems.push(`${name} is missing`);
    else if (got.sha256 !== want.sha256 || got.size !== want.size)
      problems.push(`${name} differs from the manifest (checksum)`);
  }
  for (const name of staged.keys()) if (!expected.has(name)) problems.push(`${name} is not in the manifest`);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ');
    throw new RestoreRefused(
      `The archive does not match its manifest — it was altered or damaged: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}. Nothing was restored.`,
    );
  }
}
