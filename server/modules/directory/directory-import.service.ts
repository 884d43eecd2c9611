import type { DirectoryImportResult } from '../../../common/contracts/directory.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import type { UserRow } from '../users/index.ts';
import { insertEntries } from './directory.repository.ts';
import { curatedValues } from './directory.service.ts';
import { type CheckedRow, readDirectoryCsv, readDirectoryJson } from './directory-file.ts';

/** The uploaded file: raw CSV bytes, or the parsed JSON body. */
export type DirectoryUpload = { format: 'csv'; bytes: Buffer } | { format: 'json'; body: unknown };

function check(upload: DirectoryUpload): CheckedRow[] {
  return upload.format === 'csv' ? readDirectoryCsv(upload.bytes) : readDirectoryJson(upload.body);
}

function summary(upload: DirectoryUpload, rows: CheckedRow[], imported: number): DirectoryImportResult {
  const valid = rows.filter((r) => r.problems.length === 0).length;
  return {
    format: upload.format,
    rows: rows.map(({ line, name, problems }) => ({ line, name, problems })),
    valid,
    invalid: rows.length - valid,
    imported,
  };
}

/** What importing the file would do, row by row; saves nothing. */
export function previewDirectoryImport(upload: DirectoryUpload): DirectoryImportResult {
  return summary(upload, check(upload), 0);
}

/** Stores the file's valid rows as directory-only entries, all in one transaction. */
export async function importDirectory(
  ctx: AppContext,
  actor: UserRow,
  upload: DirectoryUpload,
): Promise<DirectoryImportResult> {
  const rows = check(upload);
  const now = isoNow();
  const values = rows.flatMap((row) => (row.entry ? [curatedValues(newId(), row.entry, actor.id, now)] : []));
  if (values.length > 0) await withTransaction(ctx, (tx) => insertEntries(tx.database.db, values));
  return summary(upload, rows, values.length);
}
