import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import { NetworkOffice, UpdateOfficeBody } from '../../../common/contracts/office.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { presentOffice } from './office.presenter.ts';
import { getOffice, updateOffice } from './office.service.ts';

const tags = ['office'];

/** The network office: its contact point and hours, open to all who may see the network. */
export async function officeRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/office',
    {
      config: { action: 'office.view' },
      schema: {
        tags,
        summary: 'The network office',
        params: SlugParams,
        response: { 200: NetworkOffice, ...errorResponses },
      },
    },
    async (request) => presentOffice(await getOffice(ctx, request.network.network)),
  );

  app.put(
    '/api/networks/:slug/office',
    {
      config: { action: 'office.edit' },
      schema: {
        tags,
        summary: 'Set up or change the network office',
        params: SlugParams,
        body: UpdateOfficeBody,
        response: { 200: NetworkOffice, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      return presentOffice(await updateOffice(ctx, access.network, requireUser(access).id, request.body));
    },
  );
}
