import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import type { FileStorage } from '../files/index.ts';
import { TarWriter } from './tar.ts';

export const MANIFEST = 'manifest.json';
export const DATABASE_ENTRY = 'mentornet.sqlite';
export const FILES_PREFIX = 'files/';

/** What an archive holds, written as its last entry and checked on restore. */
export interface Manifest {
  format: 'mentornet-backup';
  version: 1;
  createdAt: string;
  /** Null in a files-only archive (PostgreSQL: the database goes through pg_dump). */
  database: { entry: string; size: number; sha256: string; tables: Record<string, number> } | null;
  files: { key: string; size: number; sha256: string }[];
}

export interface BackupResult {
  manifest: Manifest;
  bytes: number;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Row counts of every table of a SQLite database file. */
export function countSqliteRows(file: string): Record<string, number> {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`select count(*) from "${t.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number,
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * Writes one .tar.gz: the SQLite database (an online snapshot, taken first), then every stored
 * file, then the manifest. A file is always stored before its row is written, so every file the
 * snapshot refers to is there — except one removed between snapshot and copy (an avatar replaced
 * in that moment). Files uploaded after the snapshot are included and do no harm.
 */
export async function writeBackup(options: {
  target: string;
  sqliteFile: string | undefined;
  files: FileStorage;
}): Promise<BackupResult> {
  const target = path.resolve(options.target);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  const snapshot = `${partial}.sqlite`;
  const output = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(output);
  const tar = new TarWriter(gzip);
  try {
    let database: Manifest['database'] = null;
    if (options.sqliteFile) {
      const source = new SqliteDatabase(options.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        await source.backup(snapshot);
      } finally {
        source.close();
      }
      const tables = countSqliteRows(snapshot);
      const { size } = await stat(snapshot);
      const hash = createHash('sha256');
      async function* hashed() {
        for await (const chunk of createReadStream(snapshot)) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
      }
      await tar.add(DATABASE_ENTRY, size, hashed());
      database = { entry: DATABASE_ENTRY, size, sha256: hash.digest('hex'), tables };
    }
    const files: Manifest['files'] = [];
    for await (const { key } of options.files.list()) {
      const bytes = await options.files.read(key);
      // Removed since it was listed (a replaced avatar): no longer part of the platform.
      if (!bytes) continue;
      await tar.add(`${FILES_PREFIX}${key}`, bytes.length, bytes);
      files.push({ key, size: bytes.length, sha256: sha256(bytes) });
    }
    const manifest: Manifest = {
      format: 'mentornet-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database,
      files,
    };
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await tar.add(MANIFEST, json.length, json);
    await tar.finish();
    await finished(output);
    await rename(partial, target);
    return { manifest, bytes: (await stat(target)).size };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(snapshot, { force: true });
  }
}
