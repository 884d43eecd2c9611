import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Network,
  NetworkList,
  PageQuery,
  SlugParams,
  UpdateNetworkBody,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { loadNetworkAccess, type NetworkAccess, permittedActions, requireUser } from './network-access.ts';
import { registerNetworkRooms } from './networks.events.ts';
import { presentNetwork } from './networks.presenter.ts';
import { editNetwork, getMyNetworks, getNetworkPage, getPublicNetworks } from './networks.service.ts';

const tags = ['networks'];

/** The network itself: public lists, your networks, the network page and its settings. */
export async function networkRoutes(fastify: FastifyInstance, ctx: AppContext) {
  registerNetworkRooms(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'Public networks, newest first',
        querystring: PageQuery,
        response: { 200: NetworkList, ...errorResponses },
      },
    },
    async (request) => getPublicNetworks(ctx, request.query),
  );

  app.get(
    '/api/me/networks',
    {
      schema: {
        tags,
        summary: 'Networks you are a member of',
        response: { 200: NetworkList, ...errorResponses },
      },
    },
    async (request) => ({ networks: await getMyNetworks(ctx, requireAuth(request).user), nextCursor: null }),
  );

  app.get(
    '/api/networks/:slug',
    {
      config: { action: 'network.view' },
      schema: {
        tags,
        summary: 'A network page',
        params: SlugParams,
        response: { 200: Network, ...errorResponses },
      },
    },
    async (request) => networkPage(ctx, request.network),
  );

  app.patch(
    '/api/networks/:slug',
    {
      config: { action: 'network.edit' },
      schema: {
        tags,
        summary: 'Edit a network',
        params: SlugParams,
        body: UpdateNetworkBody,
        response: { 200: Network, ...errorResponses },
      },
    },
    async (request) => {
      await editNetwork(ctx, request.network.network, requireUser(request.network).id, request.body);
      // The page as it is now (a new name, or a visibility that changes what the caller may do).
      return networkPage(ctx, await loadNetworkAccess(ctx, request.auth, request.params.slug));
    },
  );
}

async function networkPage(ctx: AppContext, access: NetworkAccess) {
  return presentNetwork(access, await getNetworkPage(ctx, access), permittedActions(access));
}
