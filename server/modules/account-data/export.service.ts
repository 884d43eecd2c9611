import { strToU8, zipSync } from 'fflate';
import { EXPORT_KEEP_DAYS } from '../../../common/account-data.ts';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { createAttachmentStore, createAvatarStore, createExportStore } from '../../platform/files/index.ts';
import type { JobRow } from '../../platform/jobs/index.ts';
import { notesKeyOf, openNote } from '../activities/index.ts';
import { localeOf } from '../auth/index.ts';
import { findUserById, type UserRow } from '../users/index.ts';
import {
  collectPersonalRows,
  findExport,
  findLatestExport,
  findUploadsOf,
  insertExport,
  updateExport,
} from './account-data.repository.ts';
import type { DataExportRow } from './account-data.table.ts';

export const EXPORT_JOB = 'account.export';
export const EXPORT_EXPIRY_JOB = 'account.export_expiry';
const EXPORT_ATTEMPTS = 3;

/** Registers the jobs that build an export and remove it once its week is over. */
export function handleExportJobs(ctx: AppContext): void {
  ctx.jobs.handle(EXPORT_JOB, async (payload, job) => {
    await buildExport(ctx, (payload as { exportId: string }).exportId, job);
  });
  ctx.jobs.handle(EXPORT_EXPIRY_JOB, async (payload) => {
    await expireExport(ctx, (payload as { exportId: string }).exportId);
  });
}

/** Starts an export of everything about the person (one at a time). */
export async function requestExport(ctx: AppContext, user: UserRow): Promise<DataExportRow> {
  const db = ctx.database.db;
  const latest = await findLatestExport(db, user.id);
  if (latest?.status === 'pending') throw new AppError('EXPORT_IN_PROGRESS', 409);
  const row: DataExportRow = {
    id: newId(),
    userId: user.id,
    status: 'pending',
    storageKey: null,
    size: null,
    requestedAt: isoNow(),
    readyAt: null,
    expiresAt: null,
  };
  await insertExport(db, row);
  await ctx.jobs.enqueue(EXPORT_JOB, { exportId: row.id }, { maxAttempts: EXPORT_ATTEMPTS });
  return row;
}

/** The person's newest export (an expired one shows as expired until the expiry job ran). */
export async function latestExport(ctx: AppContext, userId: string): Promise<DataExportRow | null> {
  const row = await findLatestExport(ctx.database.db, userId);
  if (!row) return null;
  return isExpired(row) ? { ...row, status: 'expired' } : row;
}

function isExpired(row: DataExportRow, now = Date.now()): boolean {
  return row.status === 'expired' || (row.expiresAt !== null && Date.parse(row.expiresAt) <= now);
}

/** The zip of a ready export, for its owner only (anyone else: 404; past its week: 410). */
export async function openExport(ctx: AppContext, userId: string, id: string) {
  const row = await findExport(ctx.database.db, id);
  if (!row || row.userId !== userId || row.status === 'pending' || row.status === 'failed') throw notFound();
  if (isExpired(row)) throw new AppError('EXPORT_EXPIRED', 410);
  const fileName = `mentornet-data-${row.requestedAt.slice(0, 10)}.zip`;
  const file = await createExportStore(ctx.files).serve(row.id, fileName);
  if (!file) throw new AppError('EXPORT_EXPIRED', 410);
  return { file, fileName };
}

/** A file name that is safe inside the zip: no folders, no control characters. */
function zipName(name: string): string {
  const cleaned = [...name].filter((c) => c >= ' ' && !'/\\:*?"<>|'.includes(c)).join('');
  return cleaned.replace(/^\.+/, '').slice(0, 120) || 'file';
}

/** Everything about the person as the files of the zip: one JSON file per kind, then their uploads. */
async function exportFiles(ctx: AppContext, userId: string): Promise<Record<string, Uint8Array>> {
  const db = ctx.database.db;
  const rows = await collectPersonalRows(db, userId);
  // Mentoring-log notes are sealed at rest; the export opens them for their author.
  const key = notesKeyOf(ctx.config);
  rows.activities = (rows.activities as { id: string; userId: string; noteSealed: string | null }[]).map(
    ({ noteSealed, ...activity }) => ({
      ...activity,
      note: openNote(key, noteSealed, { id: activity.id, userId: activity.userId }),
    }),
  );
  const files: Record<string, Uint8Array> = {};
  for (const [section, list] of Object.entries(rows)) {
    files[`data/${section}.json`] = strToU8(`${JSON.stringify(list, null, 2)}\n`);
  }
  const uploads = await findUploadsOf(db, userId);
  if (uploads.avatarKey) {
    const bytes = await createAvatarStore(ctx.files).read(uploads.avatarKey);
    if (bytes) files['files/avatar.webp'] = bytes;
  }
  const attachments = createAttachmentStore(ctx.files);
  for (const attachment of uploads.attachments) {
    const bytes = await attachments.read(attachment.storageKey);
    if (bytes) files[`files/attachments/${attachment.id}-${zipName(attachment.fileName)}`] = bytes;
  }
  return files;
}

/** Builds the zip, stores it for a week and tells the person by mail. */
export async function buildExport(ctx: AppContext, exportId: string, job?: JobRow): Promise<void> {
  const db = ctx.database.db;
  const row = await findExport(db, exportId);
  if (row?.status !== 'pending') return;
  const user = await findUserById(ctx, row.userId);
  if (!user || user.erasedAt) return;
  try {
    const zip = Buffer.from(zipSync(await exportFiles(ctx, user.id), { level: 6, mtime: new Date() }));
    await createExportStore(ctx.files).write(row.id, zip);
    const now = Date.now();
    const expiresAt = isoNow(now + EXPORT_KEEP_DAYS * DAY);
    await updateExport(db, row.id, {
      status: 'ready',
      storageKey: row.id,
      size: zip.length,
      readyAt: isoNow(now),
      expiresAt,
    });
    await ctx.jobs.enqueue(EXPORT_EXPIRY_JOB, { exportId: row.id }, { runAt: expiresAt });
  } catch (err) {
    if (job && job.attempts >= job.maxAttempts) await updateExport(db, row.id, { status: 'failed' });
    throw err;
  }
  await ctx.mailer.send(user.email, localeOf(user), {
    name: 'data_export_ready',
    params: {
      name: user.displayName,
      url: `${ctx.config.publicUrl}/account#your-data`,
      days: EXPORT_KEEP_DAYS,
    },
  });
}

/** Removes an export's zip once its week is over. */
export async function expireExport(ctx: AppContext, exportId: string): Promise<void> {
  const row = await findExport(ctx.database.db, exportId);
  if (row?.status !== 'ready') return;
  await createExportStore(ctx.files).remove(row.id);
  await updateExport(ctx.database.db, row.id, { status: 'expired', storageKey: null });
}
