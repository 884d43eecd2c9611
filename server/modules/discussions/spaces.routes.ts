import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateSpaceBody,
  Space,
  SpaceList,
  SpaceParams,
  UpdateSpaceBody,
} from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { discussionAccess } from './discussion-access.ts';
import { addSpace, changeSpace, getSpaces } from './spaces.service.ts';

const tags = ['discussions'];

/** Spaces of a network: listed by members, managed by meta-mentors. */
export async function spaceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/spaces',
    {
      schema: {
        tags,
        summary: 'Spaces of a network (archived ones included, flagged)',
        params: SlugParams,
        response: { 200: SpaceList, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = await discussionAccess(ctx, request.auth, request.params.slug, 'discussions.read');
      return getSpaces(ctx, network, request.locale);
    },
  );

  app.post(
    '/api/networks/:slug/spaces',
    {
      schema: {
        tags,
        summary: 'Add a space',
        params: SlugParams,
        body: CreateSpaceBody,
        response: { 201: Space, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network, user } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'spaces.manage',
      );
      return reply.status(201).send(await addSpace(ctx, network, user.id, request.body, request.locale));
    },
  );

  app.patch(
    '/api/networks/:slug/spaces/:spaceId',
    {
      schema: {
        tags,
        summary: 'Rename or (un)archive a space',
        params: SpaceParams,
        body: UpdateSpaceBody,
        response: { 200: Space, ...errorResponses },
      },
    },
    async (request) => {
      const { network, user } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'spaces.manage',
      );
      return changeSpace(ctx, network, user.id, request.params.spaceId, request.body, request.locale);
    },
  );
}
