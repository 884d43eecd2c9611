import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { AppError } from '../../errors.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import { graduateRoutes } from './graduates.routes.ts';
import {
  createMoocSession,
  editMoocSession,
  getMoocSession,
  importGraduates,
  listMoocSessions,
  loadMoocSession,
  previewGraduateImport,
} from './mooc.service.ts';

const tags = ['mooc'];

/** The caller may manage MOOC sessions of the network; returns them with the network and session. */
export async function loadSessionAccess(
  ctx: AppContext,
  request: Pick<FastifyRequest, 'auth'> & { params: { slug: string; sessionId: string } },
) {
  const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
  const user = requireNetworkUser(access, 'mooc.manage');
  const session = await loadMoocSession(ctx, access.network, request.params.sessionId);
  return { network: access.network, user, session };
}

/** The uploaded file: the raw body of a text/csv request. */
function csvBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
  return body;
}

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
        schema: {
          tags,
          summary: 'MOOC sessions feeding the network, with graduate counts',
          params: SlugParams,
          response: { 200: MoocSessionList, ...errorResponses },
        },
      },
      async (request) => {
        const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
        requireNetworkUser(access, 'mooc.manage');
        return listMoocSessions(ctx, access.network);
      },
    );

    app.post(
      '/api/networks/:slug/mooc-sessions',
      {
        schema: {
          tags,
          summary: 'Record a MOOC session',
          params: SlugParams,
          body: CreateMoocSessionBody,
          response: { 201: MoocSession, ...errorResponses },
        },
      },
      async (request, reply) => {
        const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
        const user = requireNetworkUser(access, 'mooc.manage');
        reply.code(201);
        return createMoocSession(ctx, access.network, user, request.body);
      },
    );

    app.get(
      '/api/networks/:slug/mooc-sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'A MOOC session with graduate counts',
          params: MoocSessionParams,
          response: { 200: MoocSession, ...errorResponses },
        },
      },
      async (request) => {
        const { network, session } = await loadSessionAccess(ctx, request);
        return getMoocSession(ctx, network, session.id);
      },
    );

    app.patch(
      '/api/networks/:slug/mooc-sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'Edit a MOOC session',
          params: MoocSessionParams,
          body: UpdateMoocSessionBody,
          response: { 200: MoocSession, ...errorResponses },
        },
      },
      async (request) => {
        const { network, session } = await loadSessionAccess(ctx, request);
        return editMoocSession(ctx, network, session, request.body);
      },
    );

    app.post(
      '/api/networks/:slug/mooc-sessions/:sessionId/import/preview',
      {
        schema: {
          tags,
          summary: 'Check a graduates CSV (body: the file as text/csv); saves nothing',
          params: MoocSessionParams,
          consumes: ['text/csv'],
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const { network, session } = await loadSessionAccess(ctx, request);
        return previewGraduateImport(ctx, network, session, csvBytes(request.body));
      },
    );

    app.post(
      '/api/networks/:slug/mooc-sessions/:sessionId/import',
      {
        schema: {
          tags,
          summary: 'Import the valid rows of a graduates CSV (idempotent per session and address)',
          params: MoocSessionParams,
          consumes: ['text/csv'],
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const { network, session, user } = await loadSessionAccess(ctx, request);
        return importGraduates(ctx, network, session, user, csvBytes(request.body));
      },
    );

    await graduateRoutes(app, ctx);
  });
}
