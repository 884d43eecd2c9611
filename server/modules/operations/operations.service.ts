import type { AdminJobList, AdminJobsQuery } from '../../../common/contracts/operations.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { dropJob, jobsNeedingAttention, retryJob } from '../../platform/jobs/index.ts';
import { presentJob } from './operations.presenter.ts';

const jobNotFound = () => new AppError('JOB_NOT_FOUND', 404);

/** Failed or stuck jobs, mail first, one page of them. */
export async function listJobsNeedingAttention(
  ctx: AppContext,
  query: AdminJobsQuery,
): Promise<AdminJobList> {
  const all = await jobsNeedingAttention(ctx, query.state);
  const end = query.offset + query.limit;
  return {
    jobs: all.slice(query.offset, end).map(presentJob),
    total: all.length,
    nextOffset: end < all.length ? end : null,
  };
}

/** Makes a failed or stuck job due now with fresh attempts; JOB_NOT_FOUND when none such waits. */
export async function retryJobNow(ctx: AppContext, id: string): Promise<void> {
  if (!(await retryJob(ctx, id))) throw jobNotFound();
}

/** Drops a job that has not run to its end; JOB_NOT_FOUND when there is none. */
export async function dropWaitingJob(ctx: AppContext, id: string): Promise<void> {
  if (!(await dropJob(ctx, id))) throw jobNotFound();
}
