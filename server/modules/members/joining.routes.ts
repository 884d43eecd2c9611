import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptedInvitation,
  AcceptInvitationBody,
  InvitationTokenParams,
} from '../../../common/contracts/invitations.ts';
import {
  AppointMetaMentorBody,
  AppointMetaMentorResult,
  SlugParams,
} from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requestMeta, setSessionCookie } from '../../platform/sessions/index.ts';
import { requireUser } from '../networks/index.ts';
import { appointMetaMentor } from './appointments.service.ts';
import { acceptInvitation } from './joining.service.ts';

/** Becoming a member: by accepting an invitation, or by being named meta-mentor. */
export async function joiningRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation; signed out, this creates the account and signs it in',
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: AcceptedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { sessionToken, ...accepted } = await acceptInvitation(
        ctx,
        request.params.token,
        request.auth?.user ?? null,
        request.body,
        requestMeta(request),
      );
      if (sessionToken) setSessionCookie(reply, ctx.config, sessionToken);
      return accepted;
    },
  );

  app.post(
    '/api/networks/:slug/meta-mentors',
    {
      config: { action: 'members.change_role' },
      schema: {
        operationId: 'appointMetaMentor',
        tags: ['networks'],
        summary: 'Name a meta-mentor: an existing account is appointed, an unknown address invited',
        params: SlugParams,
        body: AppointMetaMentorBody,
        response: { 200: AppointMetaMentorResult, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      return {
        status: await appointMetaMentor(ctx, access.network, requireUser(access), request.body.email),
      };
    },
  );
}
