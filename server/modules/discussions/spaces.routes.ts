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
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { presentSpace, presentSpaceList } from './spaces.presenter.ts';
import { addSpace, changeSpace, getSpaces } from './spaces.service.ts';

const tags = ['discussions'];

/** Spaces of a network: listed by members, managed by meta-mentors. */
export async function spaceRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/spaces',
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary: 'Spaces of a network (archived ones included, flagged)',
        params: SlugParams,
        response: { 200: SpaceList, ...errorResponses },
      },
    },
    async (request) => presentSpaceList(await getSpaces(ctx, request.network.network), request.locale),
  );

  app.post(
    '/api/networks/:slug/spaces',
    {
      config: { action: 'spaces.manage' },
      schema: {
        tags,
        summary: 'Add a space',
        params: SlugParams,
        body: CreateSpaceBody,
        response: { 201: Space, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const space = await addSpace(ctx, network, requireUser(request.network).id, request.body);
      return reply.status(201).send(presentSpace(space, request.locale));
    },
  );

  app.patch(
    '/api/networks/:slug/spaces/:spaceId',
    {
      config: { action: 'spaces.manage' },
      schema: {
        tags,
        summary: 'Rename or (un)archive a space',
        params: SpaceParams,
        body: UpdateSpaceBody,
        response: { 200: Space, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const actorId = requireUser(request.network).id;
      const space = await changeSpace(ctx, network, actorId, request.params.spaceId, request.body);
      return presentSpace(space, request.locale);
    },
  );
}
