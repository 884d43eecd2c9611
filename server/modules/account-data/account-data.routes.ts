import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DataExportParams,
  DataExportState,
  DeleteAccountBody,
  DeletionState,
} from '../../../common/contracts/account-data.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { clearSessionCookie, requireAuth } from '../../platform/sessions/index.ts';
import { deviceTokenOf } from '../auth/index.ts';
import { presentExport } from './account-data.presenter.ts';
import { deletionState, requestDeletion } from './deletion.service.ts';
import { handleErasureJobs } from './erasure.service.ts';
import { handleExportJobs, latestExport, openExport, requestExport } from './export.service.ts';

const tags = ['account'];
const ZipBytes = z
  .custom<Buffer | Readable>((value) => Buffer.isBuffer(value) || value instanceof Readable)
  .describe('The zip: data/<kind>.json files and files/ with the uploads');

/** The signed-in person's own data: export (Art. 15, 20) and deletion (Art. 17). */
export async function accountDataRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  handleExportJobs(ctx);
  handleErasureJobs(ctx);

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
        response: { 200: ZipBytes, ...errorResponses },
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

  app.get(
    '/api/me/delete',
    {
      config: { action: 'account.delete' },
      schema: {
        operationId: 'getMyAccountDeletion',
        tags,
        summary:
          'What deleting my account would do: the grace period and the networks I am the only meta-mentor of',
        response: { 200: DeletionState, ...errorResponses },
      },
    },
    async (request) => deletionState(ctx, requireAuth(request).user.id),
  );

  app.post(
    '/api/me/delete',
    {
      config: { action: 'account.delete' },
      schema: {
        operationId: 'deleteMyAccount',
        tags,
        summary:
          'Delete my account (password, or a second-factor code, again): deactivated now, erased after 14 days; signing in before then cancels',
        body: DeleteAccountBody,
        response: { 200: DeletionState, ...errorResponses },
      },
    },
    async (request, reply) => {
      const state = await requestDeletion(ctx, requireAuth(request), request.body, deviceTokenOf(request));
      clearSessionCookie(reply);
      return state;
    },
  );
}
