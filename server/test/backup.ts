import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** Captures what a CLI command prints, with the test environment's settings. */
export function cliIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      env: { LOG_LEVEL: 'silent', PASSWORD_HASH_COST: 'low', ...env },
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

/** Every row of every table of a SQLite file, each table's rows sorted, for exact comparison. */
export function sqliteRows(file: string): Record<string, string[]> {
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
        (db.prepare(`select * from "${t}"`).all() as object[]).map((row) => JSON.stringify(row)).sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** The stored files under a data directory: key → bytes (hex, for readable diffs). */
export function storedFiles(dataDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['avatars', 'attachments']) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(dataDir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      files[`${folder}/${name}`] = readFileSync(path.join(dataDir, folder, name)).toString('hex');
    }
  }
  return files;
}
