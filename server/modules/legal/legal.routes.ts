import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptLegalBody,
  CurrentLegal,
  LegalKindParams,
  LegalPreview,
  LegalPreviewBody,
  LegalTemplate,
  LegalTemplateQuery,
  LegalVersion,
  PendingLegal,
  PublishLegalBody,
} from '../../../common/contracts/legal.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import {
  acceptLegal,
  currentLegal,
  legalTemplate,
  pendingLegal,
  previewLegal,
  publishLegalVersion,
} from './legal.service.ts';

const tags = ['legal'];

/** The privacy notice and terms of use: read by anyone, published by platform admins, accepted by people. */
export async function legalRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/legal',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The current privacy notice and terms of use (public)',
        response: { 200: CurrentLegal, ...errorResponses },
      },
    },
    async () => currentLegal(ctx),
  );

  app.post(
    '/api/admin/legal/:kind',
    {
      config: { action: 'platform.legal.manage' },
      schema: {
        tags,
        summary: 'Publish a new version of the privacy notice or the terms of use. Platform admins',
        params: LegalKindParams,
        body: PublishLegalBody,
        response: { 201: LegalVersion, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await publishLegalVersion(ctx, request.params.kind, request.body, requireAuth(request).user.id),
        ),
  );

  app.get(
    '/api/admin/legal/:kind/template',
    {
      config: { action: 'platform.legal.manage' },
      schema: {
        tags,
        summary:
          'A starting text (English or German) for the privacy notice or the terms of use. Platform admins',
        params: LegalKindParams,
        querystring: LegalTemplateQuery,
        response: { 200: LegalTemplate, ...errorResponses },
      },
    },
    async (request) => legalTemplate(request.params.kind, request.query.locale),
  );

  app.post(
    '/api/admin/legal/preview',
    {
      config: { action: 'platform.legal.manage' },
      schema: {
        tags,
        summary: 'Render Markdown as a published text would show it (the editor preview). Platform admins',
        body: LegalPreviewBody,
        response: { 200: LegalPreview, ...errorResponses },
      },
    },
    async (request) => ({ html: previewLegal(request.body.body) }),
  );

  app.get(
    '/api/me/legal',
    {
      schema: {
        tags,
        summary: 'The current versions the signed-in person has not accepted yet',
        response: { 200: PendingLegal, ...errorResponses },
      },
    },
    async (request) => ({ pending: await pendingLegal(ctx, requireAuth(request).user.id) }),
  );

  app.post(
    '/api/me/legal',
    {
      schema: {
        tags,
        summary: 'Accept the current versions (409 DOCUMENT_CHANGED when one is not current)',
        body: AcceptLegalBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await acceptLegal(ctx, requireAuth(request).user.id, request.body);
      return reply.code(204).send(null);
    },
  );
}
