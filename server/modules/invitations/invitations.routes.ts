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
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import {
  presentCreatedInvitation,
  presentInvitationList,
  presentInvitationPreview,
} from './invitations.presenter.ts';
import {
  findInvitationPreview,
  inviteToNetwork,
  listInvitations,
  revokeNetworkInvitation,
} from './invitations.service.ts';

const tags = ['invitations'];

/** A network's invitations for its staff, and the preview of one for whoever holds its link. */
export async function invitationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/networks/:slug/invitations',
    {
      config: { action: 'invitations.manage' },
      schema: {
        tags,
        summary: 'Invite by e-mail (mailed) or create a shareable link (shown once)',
        params: SlugParams,
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await inviteToNetwork(ctx, request.network, request.body);
      return reply.code(201).send(presentCreatedInvitation(created));
    },
  );

  app.get(
    '/api/networks/:slug/invitations',
    {
      config: { action: 'invitations.manage' },
      schema: {
        tags,
        summary: "A network's invitations, newest first",
        params: SlugParams,
        querystring: InvitationListQuery,
        response: { 200: InvitationList, ...errorResponses },
      },
    },
    async (request) =>
      presentInvitationList(await listInvitations(ctx, request.network.network, request.query)),
  );

  app.delete(
    '/api/networks/:slug/invitations/:id',
    {
      config: { action: 'invitations.manage' },
      schema: {
        tags,
        summary: 'Revoke an invitation',
        params: InvitationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await revokeNetworkInvitation(ctx, access.network, requireUser(access).id, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation offers, before accepting it',
        params: InvitationTokenParams,
        response: { 200: InvitationPreview, ...errorResponses },
      },
    },
    async (request) => {
      const { row, accountExists } = await findInvitationPreview(ctx, request.params.token);
      return presentInvitationPreview(row, accountExists);
    },
  );
}
