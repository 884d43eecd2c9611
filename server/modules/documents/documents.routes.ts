import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AcceptanceReport,
  AcceptDocumentsBody,
  DocumentKindParams,
  DocumentVersions,
  NetworkDocuments,
  PublishDocumentBody,
} from '../../../common/contracts/documents.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import {
  acceptDocuments,
  getAcceptanceReport,
  getCurrentDocuments,
  getDocumentVersions,
  publishDocument,
} from './documents.service.ts';

const tags = ['agreement'];

export async function documentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/documents',
    {
      schema: {
        tags,
        summary: 'The current agreement and communication rules',
        params: SlugParams,
        response: { 200: NetworkDocuments, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'documents.view');
      return getCurrentDocuments(ctx, access.network, access.membership ? access.membership.userId : null);
    },
  );

  app.get(
    '/api/networks/:slug/documents/:kind/versions',
    {
      schema: {
        tags,
        summary: 'Every published version of a document',
        params: DocumentKindParams,
        response: { 200: DocumentVersions, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'documents.view');
      return { versions: await getDocumentVersions(ctx, access.network, request.params.kind) };
    },
  );

  app.post(
    '/api/networks/:slug/documents/:kind',
    {
      schema: {
        tags,
        summary: 'Publish a new version; every member must accept it again',
        params: DocumentKindParams,
        body: PublishDocumentBody,
        response: { 201: z.object({ version: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'documents.publish');
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
    '/api/networks/:slug/documents/accept',
    {
      schema: {
        tags,
        summary: 'Accept the current agreement and rules',
        params: SlugParams,
        body: AcceptDocumentsBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'documents.accept');
      await acceptDocuments(ctx, access.network, user.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/networks/:slug/documents/acceptances',
    {
      schema: {
        tags,
        summary: 'Who accepted which version when',
        params: SlugParams,
        response: { 200: AcceptanceReport, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'documents.acceptances.view');
      return getAcceptanceReport(ctx, access.network);
    },
  );
}
