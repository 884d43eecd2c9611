import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { RestoreRefused, restoreBackup, writeBackup } from './platform/backup/index.ts';
import { copyStoredFiles, createFileStorage, createLocalStorage } from './platform/files/index.ts';

/** The output side of the CLI's io. */
interface Out {
  out: (line: string) => void;
  err: (line: string) => void;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `backup <file> [--files-only]`: one .tar.gz with the SQLite database, every file and a manifest. */
export async function runBackup(ctx: AppContext, target: string | undefined, filesOnly: boolean, io: Out) {
  if (!target) {
    io.err('Please name the archive: npm run cli -- backup <file.tar.gz> [--files-only]');
    return 2;
  }
  const sqliteFile = ctx.database.sqliteFile;
  if (!sqliteFile && !filesOnly) {
    const url = new URL(ctx.config.databaseUrl ?? '');
    url.password = '';
    io.err(
      [
        'This platform runs on PostgreSQL: back up the database with pg_dump and the files with --files-only, e.g.',
        `  pg_dump --format=custom --file=mentornet.dump "${url.toString()}"`,
        `  npm run cli -- backup --files-only ${target}`,
      ].join('\n'),
    );
    return 2;
  }
  const started = performance.now();
  const { manifest, bytes } = await writeBackup({
    target,
    sqliteFile: filesOnly ? undefined : sqliteFile,
    files: ctx.files,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = manifest.database ? Object.values(manifest.database.tables).reduce((a, b) => a + b, 0) : 0;
  io.out(
    `Backup written to ${path.resolve(target)} (${mb(bytes)} in ${seconds} s): ${
      manifest.database
        ? `database with ${rows} rows in ${Object.keys(manifest.database.tables).length} tables, `
        : 'no database (files only), '
    }${manifest.files.length} files.`,
  );
  return 0;
}

/** `restore <file>`: into an empty DATA_DIR (and empty bucket), after checking the manifest. */
export async function runRestore(config: Config, archive: string | undefined, io: Out) {
  if (!archive) {
    io.err('Please name the archive: npm run cli -- restore <file.tar.gz>');
    return 2;
  }
  const files = createFileStorage(config.storage, config.dataDir);
  try {
    const manifest = await restoreBackup({
      archive: path.resolve(archive),
      dataDir: config.dataDir,
      files,
      withDatabase: !config.databaseUrl,
    });
    io.out(
      `Restored ${manifest.database ? 'the database and ' : ''}${manifest.files.length} files from the backup of ${manifest.createdAt} into ${
        files.kind === 's3' ? `the S3 bucket and ${config.dataDir}` : config.dataDir
      }; every checksum matched the manifest.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      io.err(`Restore refused: ${error.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`Restore refused: there is no archive at ${path.resolve(archive)}.`);
      return 2;
    }
    throw error;
  } finally {
    files.close();
  }
}

/** `storage migrate`: copies files from DATA_DIR to the configured S3 bucket. */
export async function runStorage(ctx: AppContext, action: string | undefined, io: Out) {
  if (action !== 'migrate') {
    io.err('Usage: npm run cli -- storage migrate');
    return 2;
  }
  if (ctx.config.storage.kind !== 's3') {
    io.err(
      'S3 is not configured: set S3_BUCKET (and S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) first.',
    );
    return 2;
  }
  const report = await copyStoredFiles(createLocalStorage(ctx.config.dataDir), ctx.files);
  io.out(
    `Copied ${report.copied} files to S3 bucket ${ctx.config.storage.bucket}; ${report.skipped} were already there; ${report.failed.length} failed.`,
  );
  for (const failure of report.failed) io.err(`  ${failure.key}: ${failure.error}`);
  if (report.failed.length) return 1;
  io.out(
    `The files in ${ctx.config.dataDir}/avatars and /attachments are kept; remove them once all instances use S3.`,
  );
  return 0;
}
