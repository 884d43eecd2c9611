import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AddNetworkOrganisationBody,
  CreateNetworkBody,
  Network,
  NetworkList,
  Slug,
  SlugParams,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import {
  getNetworkPage,
  getOrganisationNetworks,
  loadNetworkAccess,
  permittedActions,
  presentNetwork,
  requireUser,
} from '../networks/index.ts';
import {
  addNetworkOrganisation,
  foundNetwork,
  removeNetworkOrganisation,
} from './network-founding.service.ts';
import { loadOrganisation } from './organisations.service.ts';

/** Organisations and networks: founding a network, the networks of an organisation, partner organisations. */
export async function networkLinkRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/organisations/:slug/networks',
    {
      config: { access: 'optional' },
      schema: {
        tags: ['organisations'],
        summary: 'Networks this organisation founded or belongs to (as far as you may see them)',
        params: SlugParams,
        response: { 200: NetworkList, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = request.auth?.user ?? null;
      const { organisation, isAdmin } = await loadOrganisation(ctx, viewer, request.params.slug);
      return {
        networks: await getOrganisationNetworks(ctx, organisation.id, viewer, isAdmin),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/api/organisations/:slug/networks',
    {
      config: { action: 'network.found' },
      schema: {
        tags: ['organisations'],
        summary: 'Found a network',
        params: SlugParams,
        body: CreateNetworkBody,
        response: { 201: Network, ...errorResponses },
      },
    },
    async (request, reply) => {
      const network = await foundNetwork(
        ctx,
        request.organisation.organisation,
        requireAuth(request).user,
        request.body,
      );
      const access = await loadNetworkAccess(ctx, request.auth, network.slug);
      const page = presentNetwork(access, await getNetworkPage(ctx, access), permittedActions(access));
      return reply.code(201).send(page);
    },
  );

  app.post(
    '/api/networks/:slug/organisations',
    {
      config: { action: 'network.organisations.manage' },
      schema: {
        operationId: 'linkNetworkOrganisation',
        tags: ['networks'],
        summary: 'Add a member organisation',
        params: SlugParams,
        body: AddNetworkOrganisationBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await addNetworkOrganisation(
        ctx,
        access.network,
        requireUser(access).id,
        request.body.organisationSlug,
      );
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/networks/:slug/organisations/:organisationSlug',
    {
      config: { action: 'network.organisations.manage' },
      schema: {
        operationId: 'unlinkNetworkOrganisation',
        tags: ['networks'],
        summary: 'Remove a member organisation',
        params: SlugParams.extend({ organisationSlug: Slug }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await removeNetworkOrganisation(
        ctx,
        access.network,
        requireUser(access).id,
        request.params.organisationSlug,
      );
      return { ok: true as const };
    },
  );
}
