import type { Database } from '../../db/database.ts';
import { isoNow } from '../../lib/time.ts';
import type { JobQueueStats } from '../metrics/index.ts';
import { findJobs, jobCounts } from './jobs.repository.ts';
import type { JobRow } from './jobs.table.ts';

/** Lists stored jobs, newest first, optionally of one kind: what ran, what waits, what failed. */
export function listJobs(ctx: { database: Database }, kind?: string): Promise<JobRow[]> {
  return findJobs(ctx.database.db, kind);
}

/** The queue's depth, failures and the age of its oldest due job, for the metrics. */
export async function jobQueueStats(ctx: { database: Database }): Promise<JobQueueStats> {
  const now = isoNow();
  const counts = await jobCounts(ctx.database.db, now);
  const oldestDueAgeSeconds = counts.oldestDue
    ? Math.max(0, (Date.parse(now) - Date.parse(counts.oldestDue)) / 1000)
    : 0;
  return { due: counts.due, failed: counts.failed, oldestDueAgeSeconds };
}
