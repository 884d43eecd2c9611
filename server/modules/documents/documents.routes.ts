import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AcceptanceReport,
  AcceptDocumentsBody,
  DocumentKindParams,
  DocumentPreview,
  DocumentPreviewBody,
  DocumentVersions,
  NetworkDocuments,
  PublishDocumentBody,
} from '../../../common/contracts/documents.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import {
  acceptDocuments,
  getAcceptanceReport,
  getCurrentDocuments,
  getDocumentVersions,
  previewDocument,
  publishDocument,
} from './documents.service.ts';

const tags = ['agreement'];

/** The agreement and communication rules of a network: reading, versions, publishing, acceptance. */
export async function documentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/documents',
    {
      config: { action: 'documents.view' },
      schema: {
        tags,
        summary: 'The current agreement and communication rules',
        params: SlugParams,
        response: { 200: NetworkDocuments, ...errorResponses },
      },
    },
    async (request) => {
      const { network, membership } = request.network;
      // Acceptance dates belong to members; anyone else reads the documents alone.
      return getCurrentDocuments(ctx, network, membership ? membership.userId : null);
    },
  );

  app.get(
    '/api/networks/:slug/documents/:kind/versions',
    {
      config: { action: 'documents.view' },
      schema: {
        tags,
        summary: 'Every published version of a document',
        params: DocumentKindParams,
        response: { 200: DocumentVersions, ...errorResponses },
      },
    },
    async (request) => ({
      versions: await getDocumentVersions(ctx, request.network.network, request.params.kind),
    }),
  );

  app.post(
    '/api/networks/:slug/documents/:kind',
    {
      config: { action: 'documents.publish' },
      schema: {
        operationId: 'publishDocument',
        tags,
        summary: 'Publish a new version; every member must accept it again',
        params: DocumentKindParams,
        body: PublishDocumentBody,
        response: { 201: z.object({ version: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = request.network;
      const user = requireUser(access);
      const version = await publishDocument(
        ctx,
        access.network,
        request.params.kind,
        { id: user.id, isMember: access.membership !== null },
        request.body,
      );
      return reply.code(201).send({ version });
    },
  );

  app.post(
    '/api/networks/:slug/documents/preview',
    {
      config: { action: 'documents.publish' },
      schema: {
        tags,
        summary: 'Render Markdown as a published document would show it (the editor preview)',
        params: SlugParams,
        body: DocumentPreviewBody,
        response: { 200: DocumentPreview, ...errorResponses },
      },
    },
    async (request) => ({ html: previewDocument(request.body.body) }),
  );

  app.post(
    '/api/networks/:slug/documents/accept',
    {
      config: { action: 'documents.accept' },
      schema: {
        tags,
        summary: 'Accept the current agreement and rules',
        params: SlugParams,
        body: AcceptDocumentsBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await acceptDocuments(ctx, access.network, requireUser(access).id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/networks/:slug/documents/acceptances',
    {
      config: { action: 'documents.acceptances.view' },
      schema: {
        tags,
        summary: 'Who accepted which version when',
        params: SlugParams,
        response: { 200: AcceptanceReport, ...errorResponses },
      },
    },
    async (request) => getAcceptanceReport(ctx, request.network.network),
  );
}
