import { z } from 'zod';

/** Which jobs the operator view lists: failed (attempts used up) or stuck (due too long, or a lost lock). */
export const JobAttentionState = z.enum(['failed', 'stuck']);
export type JobAttentionState = z.infer<typeof JobAttentionState>;

export const AdminJobsQuery = z.strictObject({
  state: JobAttentionState.default('failed'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdminJobsQuery = z.infer<typeof AdminJobsQuery>;

/** One job that needs an operator's look; mail jobs (`mail.*`) come first. */
export const AdminJob = z.object({
  id: z.string(),
  kind: z.string(),
  isMail: z.boolean(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When it is (or was) due. */
  runAt: z.string(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AdminJob = z.infer<typeof AdminJob>;

export const AdminJobList = z.object({
  jobs: z.array(AdminJob),
  total: z.number().int(),
  /** Offset of the next page, or null on the last one. */
  nextOffset: z.number().int().nullable(),
});
export type AdminJobList = z.infer<typeof AdminJobList>;

export const JobIdParams = z.strictObject({ id: z.string().min(1).max(64) });
