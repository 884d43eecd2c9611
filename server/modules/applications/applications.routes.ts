import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Accepted, Ok } from '../../../common/contracts/auth.ts';
import {
  ApplicationList,
  ApplicationListQuery,
  ApplicationParams,
  ApplyWithAccountBody,
  CreateApplicationBody,
  DecideApplicationBody,
  MyApplication,
  MyApplicationList,
  MyApplicationParams,
} from '../../../common/contracts/invitations.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { requestMeta, requireAuth } from '../../platform/sessions/index.ts';
import { whenEmailVerified } from '../auth/index.ts';
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { presentApplicationList, presentMyApplication } from './applications.presenter.ts';
import { applyWithAccount, sendApplicationDraft } from './apply-with-account.service.ts';
import {
  createApplication,
  decideApplication,
  listApplications,
  listMyApplications,
  withdrawApplication,
} from './applications.service.ts';

const tags = ['applications'];

/** Applying to join a public network, deciding on applications, and the applicant's own list. */
export async function applicationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  whenEmailVerified(sendApplicationDraft);

  app.post(
    '/api/networks/:slug/applications/with-account',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'applyWithAccount',
        tags,
        summary:
          'A visitor applies and creates the account in one step; the application reaches the staff once the address is confirmed',
        params: SlugParams,
        body: ApplyWithAccountBody,
        response: { 202: Accepted, ...errorResponses },
      },
    },
    async (request, reply) => {
      await applyWithAccount(ctx, request.params.slug, request.body, requestMeta(request));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/api/networks/:slug/applications',
    {
      config: { action: 'applications.create' },
      schema: {
        tags,
        summary: 'Apply to join a public network as an experienced mentor',
        params: SlugParams,
        body: CreateApplicationBody,
        response: { 201: MyApplication, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = request.network;
      const created = await createApplication(ctx, access.network, requireUser(access), request.body);
      return reply.code(201).send(presentMyApplication(created));
    },
  );

  app.get(
    '/api/networks/:slug/applications',
    {
      config: { action: 'applications.decide' },
      schema: {
        tags,
        summary: "A network's applications in one status, newest first",
        params: SlugParams,
        querystring: ApplicationListQuery,
        response: { 200: ApplicationList, ...errorResponses },
      },
    },
    async (request) =>
      presentApplicationList(await listApplications(ctx, request.network.network, request.query)),
  );

  app.post(
    '/api/networks/:slug/applications/:id/decision',
    {
      config: { action: 'applications.decide' },
      schema: {
        operationId: 'decideApplication',
        tags,
        summary: 'Approve or decline an application; the applicant is told by mail',
        params: ApplicationParams,
        body: DecideApplicationBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await decideApplication(ctx, access.network, requireUser(access), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/applications',
    {
      schema: { tags, summary: 'My applications', response: { 200: MyApplicationList, ...errorResponses } },
    },
    async (request) => ({
      applications: (await listMyApplications(ctx, requireAuth(request).user)).map(presentMyApplication),
    }),
  );

  app.delete(
    '/api/me/applications/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending application',
        params: MyApplicationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await withdrawApplication(ctx, requireAuth(request).user, request.params.id);
      return { ok: true as const };
    },
  );
}
