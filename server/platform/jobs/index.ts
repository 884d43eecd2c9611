export { createJobQueue, type JobQueue } from './job-queue.ts';
export { listJobs } from './jobs.repository.ts';
export type { JobStatus } from './jobs.table.ts';
