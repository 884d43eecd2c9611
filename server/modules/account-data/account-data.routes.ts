import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DataExportParams, DataExportState } from '../../../common/contracts/account-data.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { presentExport } from './account-data.presenter.ts';
import { handleExportJobs, latestExport, openExport, requestExport } from './export.service.ts';

const tags = ['account'];

/** The signed-in person's own data: export (Art. 15, 20). */
export async function accountDataRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  handleExportJobs(ctx);

  app.post(
    '/api/me/export',
    {
      config: { action: 'account.export' },
      schema: {
        operationId: 'requestMyDataExport',
        tags,
        summary: 'Start an export of everything about me (a zip, mailed when ready, kept 7 days)',
        response: { 202: DataExportState, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await requestExport(ctx, requireAuth(request).user);
      return reply.code(202).send({ export: presentExport(row) });
    },
  );

  app.get(
    '/api/me/export',
    {
      config: { action: 'account.export' },
      schema: {
        operationId: 'getMyDataExport',
        tags,
        summary: 'The state of my latest data export',
        response: { 200: DataExportState, ...errorResponses },
      },
    },
    async (request) => {
      const row = await latestExport(ctx, requireAuth(request).user.id);
      return { export: row ? presentExport(row) : null };
    },
  );

  app.get(
    '/api/me/export/:id/download',
    {
      config: { action: 'account.export' },
      schema: {
        operationId: 'downloadMyDataExport',
        tags,
        summary: 'Download my data export (a zip of JSON files and my uploads); only its owner',
        params: DataExportParams,
        produces: ['application/zip'],
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, fileName } = await openExport(ctx, requireAuth(request).user.id, request.params.id);
      reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .type('application/zip');
      return sendFile(reply, file);
    },
  );
}
