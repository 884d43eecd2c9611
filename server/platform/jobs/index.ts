/** The job queue: work that must survive a restart (mail, digests, reminders), stored in the database. */
export { createJobQueue, type JobQueue } from './job-queue.ts';
export {
  dropJob,
  jobQueueStats,
  jobsNeedingAttention,
  listJobs,
  retryJob,
  STUCK_AFTER_MS,
} from './jobs.service.ts';
export type { JobRow, JobStatus } from './jobs.table.ts';
