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
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import {
  inviteGraduates,
  listBadges,
  listGraduates,
  markGraduateBounced,
  remindGraduates,
} from './graduates.service.ts';
import { presentBadges, presentGraduate, presentGraduateList } from './mooc.presenter.ts';
import { loadMoocSession } from './mooc.service.ts';

const tags = ['mooc'];

/** A session's graduates: listing, inviting, reminding, bounces; and the badges they earn. */
export async function graduateRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/mooc-sessions/:sessionId/graduates',
    {
      config: { action: 'mooc.manage' },
      schema: {
        tags,
        summary: "A session's graduates in import order, optionally of one status",
        params: MoocSessionParams,
        querystring: GraduateListQuery,
        response: { 200: GraduateList, ...errorResponses },
      },
    },
    async (request) => {
      const session = await loadMoocSession(ctx, request.network.network, request.params.sessionId);
      return presentGraduateList(await listGraduates(ctx, session, request.query));
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/invitations',
    {
      config: { action: 'mooc.manage' },
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
      const access = request.network;
      const session = await loadMoocSession(ctx, access.network, request.params.sessionId);
      return inviteGraduates(ctx, access.network, session, requireUser(access), request.body?.graduateIds);
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/reminders',
    {
      config: { action: 'mooc.manage' },
      schema: {
        tags,
        summary: 'Remind the invited graduates who have not joined (a fresh invitation each)',
        params: MoocSessionParams,
        response: { 200: BulkSendResult, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const session = await loadMoocSession(ctx, access.network, request.params.sessionId);
      return remindGraduates(ctx, access.network, session, requireUser(access));
    },
  );

  app.post(
    '/api/networks/:slug/mooc-sessions/:sessionId/graduates/:graduateId/bounced',
    {
      config: { action: 'mooc.manage' },
      schema: {
        operationId: 'markGraduateBounced',
        tags,
        summary: "Record that a graduate's invitation mail came back undelivered",
        params: GraduateParams,
        response: { 200: Graduate, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const session = await loadMoocSession(ctx, access.network, request.params.sessionId);
      const { graduateId } = request.params;
      const { row, now } = await markGraduateBounced(
        ctx,
        access.network,
        session,
        requireUser(access),
        graduateId,
      );
      return presentGraduate(row, now);
    },
  );

  app.get(
    '/api/networks/:slug/badges',
    {
      config: { action: 'members.view' },
      schema: {
        tags,
        summary: "Badges of the network's members (join with the member list by userId)",
        params: SlugParams,
        querystring: BadgeListQuery,
        response: { 200: BadgeList, ...errorResponses },
      },
    },
    async (request) => presentBadges(await listBadges(ctx, request.network.network, request.query.userId)),
  );
}
