import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateHelpRequestBody,
  CreateHelpResponseBody,
  HelpOfferBody,
  HelpRequest,
  HelpRequestList,
  HelpRequestListQuery,
  HelpRequestParams,
  HelpRequestStatusBody,
  SuggestedHelpers,
  UpdateHelpRequestBody,
} from '../../../common/contracts/help-requests.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { POST_BODY_LIMIT_BYTES } from '../discussions/index.ts';
import { startHelpJobs } from './escalation.service.ts';
import { presentSuggestedHelpers, presentSummary } from './help-requests.presenter.ts';
import {
  createHelpRequest,
  getHelpRequest,
  type HelpActor,
  helpActorOf,
  listHelpRequests,
  offerHelp,
  removeHelpRequest,
  respondToHelpRequest,
  setHelpRequestStatus,
  suggestHelpers,
  updateHelpRequest,
} from './help-requests.service.ts';

const tags = ['help-requests'];
const base = '/api/networks/:slug/help-requests';

/** Help requests (C4): asking, responding, offering, resolving, suggested helpers; starts the escalation job. */
export async function helpRequestRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await startHelpJobs(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** A request as the caller sees it after a change. */
  const current = (actor: HelpActor, id: string) => getHelpRequest(ctx, actor, id);

  app.post(
    base,
    {
      config: { action: 'help.ask' },
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Ask the network for help, or for a case consultation (privacy-checked again: findings left need ' +
          'privacyConfirmed, else 422 PRIVACY_FINDINGS). The best suggested helpers are told',
        params: SlugParams,
        body: CreateHelpRequestBody,
        response: { 201: HelpRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = helpActorOf(request.network);
      const id = await createHelpRequest(ctx, actor, request.body);
      reply.code(201);
      return current(actor, id);
    },
  );

  app.get(
    base,
    {
      config: { action: 'help.view' },
      schema: {
        tags,
        summary:
          'The network’s help requests, latest activity first, filtered by status, kind, expertise, language, ' +
          'mine, offered by me or unanswered (open without a response longer than the escalation time)',
        params: SlugParams,
        querystring: HelpRequestListQuery,
        response: { 200: HelpRequestList, ...errorResponses },
      },
    },
    async (request) => {
      const { page, nextCursor } = await listHelpRequests(ctx, helpActorOf(request.network), request.query);
      return { requests: page.map(presentSummary), nextCursor };
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { action: 'help.view' },
      schema: {
        tags,
        summary: 'One help request with its responses, offers and what the caller may do',
        params: HelpRequestParams,
        response: { 200: HelpRequest, ...errorResponses },
      },
    },
    async (request) => current(helpActorOf(request.network), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { action: 'help.ask' },
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'The requester edits their request while it is not resolved (case consultations checked again)',
        params: HelpRequestParams,
        body: UpdateHelpRequestBody,
        response: { 200: HelpRequest, ...errorResponses },
      },
    },
    async (request) => {
      const actor = helpActorOf(request.network);
      await updateHelpRequest(ctx, actor, request.params.id, request.body);
      return current(actor, request.params.id);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { action: 'help.moderate' },
      schema: {
        tags,
        summary: 'The meta-mentor removes a request (e.g. a case consultation naming someone); audited',
        params: HelpRequestParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeHelpRequest(ctx, helpActorOf(request.network), request.params.id);
      reply.code(204);
      return null;
    },
  );

  app.post(
    `${base}/:id/responses`,
    {
      config: { action: 'help.respond' },
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          'Respond to a request that is not resolved; the first response of someone other than the requester ' +
          'answers it. Responses to case consultations are privacy-checked as the request is',
        params: HelpRequestParams,
        body: CreateHelpResponseBody,
        response: { 201: HelpRequest, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = helpActorOf(request.network);
      await respondToHelpRequest(ctx, actor, request.params.id, request.body);
      reply.code(201);
      return current(actor, request.params.id);
    },
  );

  app.post(
    `${base}/:id/offer`,
    {
      config: { action: 'help.respond' },
      schema: {
        tags,
        summary: '"I can help" on someone else’s request that is not resolved, or take the offer back',
        params: HelpRequestParams,
        body: HelpOfferBody,
        response: { 200: HelpRequest, ...errorResponses },
      },
    },
    async (request) => {
      const actor = helpActorOf(request.network);
      await offerHelp(ctx, actor, request.params.id, request.body.withdraw);
      return current(actor, request.params.id);
    },
  );

  app.post(
    `${base}/:id/status`,
    {
      config: { action: 'help.ask' },
      schema: {
        operationId: 'setHelpRequestStatus',
        tags,
        summary:
          'The requester or the meta-mentor resolves a request (thanking helpers, who are told) or reopens it',
        params: HelpRequestParams,
        body: HelpRequestStatusBody,
        response: { 200: HelpRequest, ...errorResponses },
      },
    },
    async (request) => {
      const actor = helpActorOf(request.network);
      await setHelpRequestStatus(ctx, actor, request.params.id, request.body);
      return current(actor, request.params.id);
    },
  );

  app.get(
    `${base}/:id/suggested-helpers`,
    {
      config: { action: 'help.view' },
      schema: {
        tags,
        summary:
          'Members who could help, best first: shared expertise and languages, region, availability, ' +
          'experience, help given before, and their load of open offers, each with the reasons as codes',
        params: HelpRequestParams,
        response: { 200: SuggestedHelpers, ...errorResponses },
      },
    },
    async (request) => {
      const { ranked, notified, avatarOf } = await suggestHelpers(
        ctx,
        helpActorOf(request.network),
        request.params.id,
      );
      return presentSuggestedHelpers(ranked, notified, avatarOf);
    },
  );
}
