import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { NetworkOffice, UpdateOfficeBody } from '../../../common/contracts/office.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import { getOffice, updateOffice } from './office.service.ts';

const tags = ['office'];

export async function officeRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/office',
    {
      schema: {
        tags,
        summary: 'The network office',
        params: SlugParams,
        response: { 200: NetworkOffice, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'office.view');
      return getOffice(ctx, access.network);
    },
  );

  app.put(
    '/api/networks/:slug/office',
    {
      schema: {
        tags,
        summary: 'Set up or change the network office',
        params: SlugParams,
        body: UpdateOfficeBody,
        response: { 200: NetworkOffice, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'office.edit');
      return updateOffice(ctx, access.network, user.id, request.body);
    },
  );
}
