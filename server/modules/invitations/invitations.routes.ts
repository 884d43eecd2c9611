import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  CreatedInvitation,
  CreateInvitationBody,
  InvitationList,
  InvitationListQuery,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
} from '../../../common/contracts/invitations.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import {
  assertMayInviteAs,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeNetworkInvitation,
} from './invitations.service.ts';

const tags = ['invitations'];

export async function invitationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/networks/:slug/invitations',
    {
      schema: {
        tags,
        summary: 'Invite by e-mail (mailed) or create a shareable link (shown once)',
        params: SlugParams,
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'invitations.manage');
      assertMayInviteAs(access, request.body.role);
      const created = await createInvitation(ctx, access.network, user, request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/networks/:slug/invitations',
    {
      schema: {
        tags,
        summary: "A network's invitations, newest first",
        params: SlugParams,
        querystring: InvitationListQuery,
        response: { 200: InvitationList, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'invitations.manage');
      return listInvitations(ctx, access.network, request.query);
    },
  );

  app.delete(
    '/api/networks/:slug/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an invitation',
        params: InvitationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'invitations.manage');
      await revokeNetworkInvitation(ctx, access.network, user.id, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation offers, before accepting it',
        params: InvitationTokenParams,
        response: { 200: InvitationPreview, ...errorResponses },
      },
    },
    async (request) => previewInvitation(ctx, request.params.token),
  );
}
