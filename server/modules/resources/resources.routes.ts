import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  CreateResourceBody,
  PreviewAnswer,
  PreviewBody,
  Resource,
  ResourceList,
  ResourceListQuery,
  ResourceParams,
  ResourceSettings,
  ResourceSettingsBody,
  RevertResourceBody,
  RevisionDetail,
  RevisionList,
  RevisionParams,
  StartHereBody,
  StartHereList,
  UpdateResourceBody,
} from '../../../common/contracts/resources.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { presentRevision, presentSummary } from './resources.presenter.ts';
import * as service from './resources.service.ts';

const tags = ['resources'];
const base = '/api/networks/:slug/resources';
/** Pages may be long: the body limit of a resource save (JSON-escaped Markdown). */
const RESOURCE_BODY_LIMIT_BYTES = 512 * 1024;
const FileBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The file as uploaded');

/** Shared resources (C5): wiki pages, links and files with revisions, "start here", settings. */
export async function resourceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const actorOf = (access: Parameters<typeof service.resourceActorOf>[1]) =>
    service.resourceActorOf(ctx, access);

  app.get(
    base,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary:
          'The network’s resources, latest change first, filtered by kind, tag, language, expertise, text',
        params: SlugParams,
        querystring: ResourceListQuery,
        response: { 200: ResourceList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await actorOf(request.network);
      const { page, nextCursor } = await service.listResources(ctx, actor, request.query);
      return {
        resources: page.map((r) => presentSummary(r, actor.network.id)),
        nextCursor,
        canCreate: actor.viewer.editor,
      };
    },
  );

  app.post(
    base,
    {
      config: { action: 'resources.create' },
      bodyLimit: RESOURCE_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Create a wiki page (Markdown), a link (http/https only) or a file (an upload of the caller’s ' +
          'through the attachments endpoint); members unless the network keeps editing to its staff',
        params: SlugParams,
        body: CreateResourceBody,
        response: { 201: Resource, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(request.network);
      const id = await service.createResource(ctx, actor, request.body);
      reply.code(201);
      return service.getResource(ctx, actor, id);
    },
  );

  app.post(
    `${base}/preview`,
    {
      config: { action: 'resources.create' },
      bodyLimit: RESOURCE_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Markdown rendered as a saved page would be (the editor’s preview)',
        params: SlugParams,
        body: PreviewBody,
        response: { 200: PreviewAnswer, ...errorResponses },
      },
    },
    async (request) => ({ html: service.renderResourceBody(request.body.body) }),
  );

  app.get(
    `${base}/start-here`,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary: 'The network’s curated "start here" list for newcomers, in order',
        params: SlugParams,
        response: { 200: StartHereList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await service.listStartHere(ctx, await actorOf(request.network));
      return { resources: rows.map((r) => presentSummary(r)) };
    },
  );

  app.put(
    `${base}/start-here`,
    {
      config: { action: 'resources.manage' },
      schema: {
        tags,
        summary: 'Replace the "start here" list (ordered resource ids); the meta-mentor and office',
        params: SlugParams,
        body: StartHereBody,
        response: { 200: StartHereList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await actorOf(request.network);
      await service.setStartHere(ctx, actor, request.body.resourceIds);
      return { resources: (await service.listStartHere(ctx, actor)).map((r) => presentSummary(r)) };
    },
  );

  app.get(
    '/api/networks/:slug/resource-settings',
    {
      config: { action: 'resources.view' },
      schema: {
        operationId: 'getResourceSettings',
        tags,
        summary: 'Whether the network keeps creating and editing resources to its staff',
        params: SlugParams,
        response: { 200: ResourceSettings, ...errorResponses },
      },
    },
    async (request) => service.getResourceSettings(ctx, await actorOf(request.network)),
  );

  app.put(
    '/api/networks/:slug/resource-settings',
    {
      config: { action: 'resources.manage' },
      schema: {
        tags,
        summary: 'Keep creating and editing resources to the staff, or open it to members; audited',
        params: SlugParams,
        body: ResourceSettingsBody,
        response: { 200: ResourceSettings, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await actorOf(request.network);
      await service.setResourceSettings(ctx, actor, request.body.staffOnlyEditing);
      return service.getResourceSettings(ctx, actor);
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary: 'One resource with its rendered page and what the caller may do',
        params: ResourceParams,
        response: { 200: Resource, ...errorResponses },
      },
    },
    async (request) => service.getResource(ctx, await actorOf(request.network), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { action: 'resources.edit' },
      bodyLimit: RESOURCE_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Edit as a new revision. `baseRevision` names the revision the edit started from; when a newer ' +
          'one was saved since, 409 RESOURCE_EDIT_CONFLICT with both texts and their difference',
        params: ResourceParams,
        body: UpdateResourceBody,
        response: { 200: Resource, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await actorOf(request.network);
      await service.updateResource(ctx, actor, request.params.id, request.body);
      return service.getResource(ctx, actor, request.params.id);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { action: 'resources.manage' },
      schema: {
        tags,
        summary: 'Delete a resource and its history; the meta-mentor and office; audited',
        params: ResourceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.removeResource(ctx, await actorOf(request.network), request.params.id);
      reply.code(204);
      return null;
    },
  );

  app.get(
    `${base}/:id/revisions`,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary: 'The revisions of a resource, newest first (author, time, summary)',
        params: ResourceParams,
        response: { 200: RevisionList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await service.listResourceRevisions(
        ctx,
        await actorOf(request.network),
        request.params.id,
      );
      return { revisions: rows.map(presentRevision) };
    },
  );

  app.get(
    `${base}/:id/revisions/:revision`,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary: 'One revision in full with its line difference to the revision before',
        params: RevisionParams,
        response: { 200: RevisionDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { id, revision } = request.params;
      return service.getResourceRevision(ctx, await actorOf(request.network), id, revision);
    },
  );

  app.post(
    `${base}/:id/revert`,
    {
      config: { action: 'resources.manage' },
      schema: {
        tags,
        summary: 'Bring back an earlier revision as a new revision; the meta-mentor and office; audited',
        params: ResourceParams,
        body: RevertResourceBody,
        response: { 200: Resource, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await actorOf(request.network);
      await service.revertResource(ctx, actor, request.params.id, request.body);
      return service.getResource(ctx, actor, request.params.id);
    },
  );

  app.get(
    `${base}/:id/file`,
    {
      config: { action: 'resources.view' },
      schema: {
        tags,
        summary: 'Download the file of a file resource',
        params: ResourceParams,
        response: { 200: FileBytes, ...errorResponses },
      },
    },
    async (request, reply) => {
      const headersOf = (file: { contentType: string; fileName: string }) => {
        const inline = file.contentType.startsWith('image/');
        return {
          contentType: file.contentType,
          contentDisposition: `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          cacheControl: 'private, max-age=300',
        };
      };
      const { file, served } = await service.readResourceFile(
        ctx,
        await actorOf(request.network),
        request.params.id,
        headersOf,
      );
      const headers = headersOf(file);
      reply
        .header('content-disposition', headers.contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', headers.cacheControl)
        .type(file.contentType);
      return sendFile(reply, served);
    },
  );
}
