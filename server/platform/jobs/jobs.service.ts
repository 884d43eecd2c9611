import type { Database } from '../../db/database.ts';
import { isoNow } from '../../lib/time.ts';
import type { JobQueueStats } from '../metrics/index.ts';
import { deleteJob, findJobs, findJobsNeedingAttention, jobCounts, requeueJob } from './jobs.repository.ts';
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

/** A due job that has waited this long is stuck (the worker is down, or something blocks it). */
export const STUCK_AFTER_MS = 15 * 60_000;

/** Failed or stuck jobs for the operator, mail first. */
export function jobsNeedingAttention(
  ctx: { database: Database },
  state: 'failed' | 'stuck',
): Promise<JobRow[]> {
  return findJobsNeedingAttention(ctx.database.db, state, isoNow(), STUCK_AFTER_MS);
}

/** Retries a failed or stuck job now, with its attempts reset; false when no such job waits. */
export function retryJob(ctx: { database: Database }, id: string): Promise<boolean> {
  return requeueJob(ctx.database.db, id, isoNow());
}

/** Drops a job that is not done (it will not run); false when there is none. */
export function dropJob(ctx: { database: Database }, id: string): Promise<boolean> {
  return deleteJob(ctx.database.db, id);
}
