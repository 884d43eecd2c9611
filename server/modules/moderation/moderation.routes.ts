import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  BlockList,
  CreateReportBody,
  DecideReportBody,
  NetworkReportListQuery,
  Report,
  ReportList,
  ReportListQuery,
  ReportParams,
  ReportReceipt,
  UserParams,
} from '../../../common/contracts/moderation.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses, unauthenticated } from '../../errors.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import { presentReceipt, presentReport, presentReportPage } from './moderation.presenter.ts';
import * as service from './moderation.service.ts';

const tags = ['moderation'];

/** Reports, the moderation queue and its decisions, and blocking (F4). */
export async function moderationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const authOf = (auth: SessionContext | null): SessionContext => {
    if (!auth) throw unauthenticated();
    return auth;
  };

  app.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary:
          'Report a post, topic or resource (members of its network), a message (those in its ' +
          'conversation) or a profile, with a reason; 409 REPORT_EXISTS while the caller’s report of it is open',
        body: CreateReportBody,
        response: { 201: ReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await service.createReport(ctx, request.auth, request.body);
      reply.code(201);
      return presentReceipt(row);
    },
  );

  app.get(
    '/api/moderation/reports',
    {
      schema: {
        tags,
        summary:
          'The moderation queue: platform admins see every report, meta-mentors their networks’ ' +
          'content reports; newest first, by status, optionally of one network',
        querystring: ReportListQuery,
        response: { 200: ReportList, ...errorResponses },
      },
    },
    async (request) => presentReportPage(await service.listReports(ctx, authOf(request.auth), request.query)),
  );

  app.get(
    '/api/networks/:slug/moderation/reports',
    {
      config: { action: 'moderation.review' },
      schema: {
        operationId: 'listNetworkModerationReports',
        tags,
        summary: 'One network’s moderation queue (its meta-mentors and platform admins)',
        params: SlugParams,
        querystring: NetworkReportListQuery,
        response: { 200: ReportList, ...errorResponses },
      },
    },
    async (request) =>
      presentReportPage(await service.listNetworkReports(ctx, request.network, request.query)),
  );

  app.post(
    '/api/moderation/reports/:id/decision',
    {
      schema: {
        tags,
        summary:
          'Decide on a report (and every open report of the same item): hide or restore the content, ' +
          'warn the author, suspend them from the network for `days`, or dismiss; audited, reporters told',
        params: ReportParams,
        body: DecideReportBody,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (request) => {
      const auth = authOf(request.auth);
      await service.decideReport(ctx, auth.user, request.params.id, request.body);
      const { row, item } = await service.getReportView(ctx, request.params.id);
      return presentReport(row, item);
    },
  );

  app.get(
    '/api/me/blocks',
    {
      schema: {
        tags,
        summary: 'The people the caller blocked',
        response: { 200: BlockList, ...errorResponses },
      },
    },
    async (request) => ({ blocks: await service.listBlocks(ctx, authOf(request.auth).user.id) }),
  );

  app.post(
    '/api/me/blocks/:userId',
    {
      schema: {
        tags,
        summary: 'Block someone: no direct messages between the two, their posts collapsed for the caller',
        params: UserParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await service.blockUser(ctx, authOf(request.auth).user.id, request.params.userId);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/me/blocks/:userId',
    {
      schema: {
        tags,
        summary: 'Unblock someone',
        params: UserParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await service.unblockUser(ctx, authOf(request.auth).user.id, request.params.userId);
      return { ok: true as const };
    },
  );
}
