import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminJobList, AdminJobsQuery, JobIdParams } from '../../../common/contracts/operations.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { dropWaitingJob, listJobsNeedingAttention, retryJobNow } from './operations.service.ts';

const tags = ['operations'];
const base = '/api/admin/jobs';

/** The operator view of the job queue, for platform admins. */
export async function operationsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    base,
    {
      config: { action: 'platform.jobs.manage' },
      schema: {
        tags,
        summary: 'Failed or stuck jobs (mail first) with their last error, a page at a time. Platform admins',
        querystring: AdminJobsQuery,
        response: { 200: AdminJobList, ...errorResponses },
      },
    },
    async (request) => listJobsNeedingAttention(ctx, request.query),
  );

  app.post(
    `${base}/:id/retry`,
    {
      config: { action: 'platform.jobs.manage' },
      schema: {
        tags,
        summary: 'Retry a failed or stuck job now, with fresh attempts (404 JOB_NOT_FOUND when none waits)',
        params: JobIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await retryJobNow(ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { action: 'platform.jobs.manage' },
      schema: {
        tags,
        summary: 'Drop a job that has not run to its end: it will not run (404 JOB_NOT_FOUND when none)',
        params: JobIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await dropWaitingJob(ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
}
