import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BadgeList,
  BadgeListQuery,
  BulkSendResult,
  Graduate,
  GraduateList,
  GraduateListQuery,
  GraduateParams,
  InviteGraduatesBody,
  MoocSessionParams,
} from '../../../common/contracts/mooc.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess } from '../networks/index.ts';
import { loadSessionAccess } from './mooc.routes.ts';
import {
  inviteGraduates,
  listBadges,
  listGraduates,
  markGraduateBounced,
  remindGraduates,
} from './mooc.service.ts';

const tags = ['mooc'];

export async function graduateRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/mooc-sessions/:sessionId/graduates',
    {
      schema: {
        tags,
        summary: "A session's graduates in import order, optionally of one status",
        params: MoocSessionParams,
        querystring: GraduateListQuery,
        response: { 200: GraduateList, ...errorResponses },
      },
    },
    async (request) => {
      const { session } = await loadSessionAccess(ctx, request);
      return listGraduates(ctx, session, request.query);
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite the imported graduates (all, or those listed) as beginner mentors, each in their language',
        params: MoocSessionParams,
        body: InviteGraduatesBody,
        response: { 200: BulkSendResult, ...errorResponses },
      },
    },
    async (request) => {
      const { network, session, user } = await loadSessionAccess(ctx, request);
      return inviteGraduates(ctx, network, session, user, request.body?.graduateIds);
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/reminders',
    {
      schema: {
        tags,
        summary: 'Remind the invited graduates who have not joined (a fresh invitation each)',
        params: MoocSessionParams,
        response: { 200: BulkSendResult, ...errorResponses },
      },
    },
    async (request) => {
      const { network, session, user } = await loadSessionAccess(ctx, request);
      return remindGraduates(ctx, network, session, user);
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/graduates/:graduateId/bounced',
    {
      schema: {
        tags,
        summary: "Record that a graduate's invitation mail came back undelivered",
        params: GraduateParams,
        response: { 200: Graduate, ...errorResponses },
      },
    },
    async (request) => {
      const { network, session, user } = await loadSessionAccess(ctx, request);
      return markGraduateBounced(ctx, network, session, user, request.params.graduateId);
    },
  );

  app.get(
    '/api/networks/:slug/badges',
    {
      schema: {
        tags,
        summary: "Badges of the network's members (join with the member list by userId)",
        params: SlugParams,
        querystring: BadgeListQuery,
        response: { 200: BadgeList, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'members.view');
      return listBadges(ctx, access.network, request.query.userId);
    },
  );
}
