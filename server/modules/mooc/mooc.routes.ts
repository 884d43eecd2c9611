import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateMoocSessionBody,
  ImportResult,
  MOOC_CSV_MAX_BYTES,
  MoocSession,
  MoocSessionList,
  MoocSessionParams,
  UpdateMoocSessionBody,
} from '../../../common/contracts/mooc.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { importGraduates, previewGraduateImport } from './graduate-import.service.ts';
import { graduateRoutes } from './graduates.routes.ts';
import { presentSession, presentSessions } from './mooc.presenter.ts';
import {
  createMoocSession,
  editMoocSession,
  getMoocSession,
  listMoocSessions,
  loadMoocSession,
} from './mooc.service.ts';

const tags = ['mooc'];

/** The uploaded file: the raw body of a text/csv request. */
function csvBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
  return body;
}

/** MOOC sessions of a network and the import of their graduates (the graduates' own routes beside). */
export async function moocRoutes(fastify: FastifyInstance, ctx: AppContext) {
  // Encapsulated, so the CSV body parser applies to these routes only.
  await fastify.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
      { parseAs: 'buffer', bodyLimit: MOOC_CSV_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/networks/:slug/mooc-sessions',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'MOOC sessions feeding the network, with graduate counts',
          params: SlugParams,
          response: { 200: MoocSessionList, ...errorResponses },
        },
      },
      async (request) => presentSessions(await listMoocSessions(ctx, request.network.network)),
    );

    app.post(
      '/api/networks/:slug/mooc-sessions',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'Record a MOOC session',
          params: SlugParams,
          body: CreateMoocSessionBody,
          response: { 201: MoocSession, ...errorResponses },
        },
      },
      async (request, reply) => {
        const access = request.network;
        const { row, counts } = await createMoocSession(
          ctx,
          access.network,
          requireUser(access),
          request.body,
        );
        reply.code(201);
        return presentSession(row, counts);
      },
    );

    app.get(
      '/api/networks/:slug/mooc-sessions/:sessionId',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'A MOOC session with graduate counts',
          params: MoocSessionParams,
          response: { 200: MoocSession, ...errorResponses },
        },
      },
      async (request) => {
        const { row, counts } = await getMoocSession(ctx, request.network.network, request.params.sessionId);
        return presentSession(row, counts);
      },
    );

    app.patch(
      '/api/networks/:slug/mooc-sessions/:sessionId',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'Edit a MOOC session',
          params: MoocSessionParams,
          body: UpdateMoocSessionBody,
          response: { 200: MoocSession, ...errorResponses },
        },
      },
      async (request) => {
        const { network } = request.network;
        const session = await loadMoocSession(ctx, network, request.params.sessionId);
        const { row, counts } = await editMoocSession(ctx, network, session, request.body);
        return presentSession(row, counts);
      },
    );

    app.post(
      '/api/networks/:slug/mooc-sessions/:sessionId/import/preview',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'Check a graduates CSV (body: the file as text/csv); saves nothing',
          params: MoocSessionParams,
          consumes: ['text/csv'],
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const { network } = request.network;
        const session = await loadMoocSession(ctx, network, request.params.sessionId);
        return previewGraduateImport(ctx, network, session, csvBytes(request.body));
      },
    );

    app.post(
      '/api/networks/:slug/mooc-sessions/:sessionId/import',
      {
        config: { action: 'mooc.manage' },
        schema: {
          tags,
          summary: 'Import the valid rows of a graduates CSV (idempotent per session and address)',
          params: MoocSessionParams,
          consumes: ['text/csv'],
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const access = request.network;
        const session = await loadMoocSession(ctx, access.network, request.params.sessionId);
        return importGraduates(ctx, access.network, session, requireUser(access), csvBytes(request.body));
      },
    );

    await graduateRoutes(app, ctx);
  });
}
