import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AddNetworkOrganisationBody,
  AppointMetaMentorBody,
  AppointMetaMentorResult,
  Network,
  NetworkList,
  PageQuery,
  Slug,
  SlugParams,
  UpdateNetworkBody,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { requireAuth } from '../../plugins/request-context.ts';
import { loadNetworkAccess, requireNetworkUser } from './network-access.ts';
import {
  addNetworkOrganisation,
  appointMetaMentor,
  editNetwork,
  getMyNetworks,
  getPublicNetworks,
  presentNetwork,
  removeNetworkOrganisation,
} from './networks.service.ts';

const tags = ['networks'];

export async function networkRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks',
    {
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
      schema: {
        tags,
        summary: 'A network page',
        params: SlugParams,
        response: { 200: Network, ...errorResponses },
      },
    },
    async (request) => presentNetwork(ctx, await loadNetworkAccess(ctx, request.auth, request.params.slug)),
  );

  app.patch(
    '/api/networks/:slug',
    {
      schema: {
        tags,
        summary: 'Edit a network',
        params: SlugParams,
        body: UpdateNetworkBody,
        response: { 200: Network, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'network.edit');
      await editNetwork(ctx, access.network, user.id, request.body);
      return presentNetwork(ctx, await loadNetworkAccess(ctx, request.auth, request.params.slug));
    },
  );

  app.post(
    '/api/networks/:slug/organisations',
    {
      schema: {
        tags,
        summary: 'Add a member organisation',
        params: SlugParams,
        body: AddNetworkOrganisationBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'network.organisations.manage');
      await addNetworkOrganisation(ctx, access.network, user.id, request.body.organisationSlug);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/networks/:slug/organisations/:organisationSlug',
    {
      schema: {
        tags,
        summary: 'Remove a member organisation',
        params: SlugParams.extend({ organisationSlug: Slug }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'network.organisations.manage');
      await removeNetworkOrganisation(ctx, access.network, user.id, request.params.organisationSlug);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/networks/:slug/meta-mentors',
    {
      schema: {
        tags,
        summary: 'Name a meta-mentor: an existing account is appointed, an unknown address invited',
        params: SlugParams,
        body: AppointMetaMentorBody,
        response: { 200: AppointMetaMentorResult, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'members.change_role');
      return { status: await appointMetaMentor(ctx, access.network, user, request.body.email) };
    },
  );
}
