import type { AdminJob } from '../../../common/contracts/operations.ts';
import type { JobRow } from '../../platform/jobs/index.ts';

/** A stored job as the operator sees it; the payload stays out (it may hold addresses and texts). */
export function presentJob(job: JobRow): AdminJob {
  return {
    id: job.id,
    kind: job.kind,
    isMail: job.kind.startsWith('mail.'),
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    runAt: job.runAt,
    lockedUntil: job.lockedUntil,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}
