import type { Database } from '../../db/database.ts';
import { findJobs } from './jobs.repository.ts';
import type { JobRow } from './jobs.table.ts';

/** Lists stored jobs, newest first, optionally of one kind: what ran, what waits, what failed. */
export function listJobs(ctx: { database: Database }, kind?: string): Promise<JobRow[]> {
  return findJobs(ctx.database.db, kind);
}
