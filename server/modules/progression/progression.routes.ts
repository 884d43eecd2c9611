import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  NameDeputyBody,
  NudgeLog,
  ProgressionDecisionBody,
  ProgressionDecisionParams,
  ProgressionSuggestionList,
  Succession,
} from '../../../common/contracts/progression.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { getNudgeLog } from './nudge-log.service.ts';
import { startNudgeJobs } from './nudges.service.ts';
import { decideSuggestion, getSuccession, listSuggestions, nameDeputy } from './progression.service.ts';

const tags = ['progression'];
const base = '/api/networks/:slug';

/** Role progression, succession and the nudge log (B5, D2), for the meta-mentor and office. */
export async function progressionRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await startNudgeJobs(ctx);

  app.get(
    `${base}/progression/suggestions`,
    {
      config: { action: 'progression.view' },
      schema: {
        tags,
        summary:
          'Members suggested for their next step (experienced, meta-mentor candidate), with reason codes',
        params: SlugParams,
        response: { 200: ProgressionSuggestionList, ...errorResponses },
      },
    },
    async (request) => ({ suggestions: await listSuggestions(ctx, request.network.network) }),
  );

  app.put(
    `${base}/progression/suggestions/:userId/:step`,
    {
      config: { action: 'progression.decide' },
      schema: {
        tags,
        summary:
          'Confirm (raises the level, or marks a meta-mentor candidate; the member is told) or dismiss ' +
          '(remembered) a suggestion',
        params: ProgressionDecisionParams,
        body: ProgressionDecisionBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const actor = requireUser(request.network);
      const { userId, step } = request.params;
      await decideSuggestion(ctx, network, actor.id, userId, step, request.body.decision);
      reply.code(204);
    },
  );

  app.get(
    `${base}/succession`,
    {
      config: { action: 'progression.view' },
      schema: {
        tags,
        summary:
          'Who could succeed or deputise for the meta-mentor, ranked with reasons, and the named deputy',
        params: SlugParams,
        response: { 200: Succession, ...errorResponses },
      },
    },
    async (request) => getSuccession(ctx, request.network.network, request.network.user?.id ?? null),
  );

  app.put(
    `${base}/deputy`,
    {
      config: { action: 'progression.decide' },
      schema: {
        tags,
        summary: "Name the meta-mentor's deputy (replaces any earlier one)",
        params: SlugParams,
        body: NameDeputyBody,
        response: { 200: Succession, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request.network);
      await nameDeputy(ctx, request.network.network, actor.id, request.body);
      return getSuccession(ctx, request.network.network, actor.id);
    },
  );

  app.get(
    `${base}/nudges`,
    {
      config: { action: 'nudges.view' },
      schema: {
        tags,
        summary: 'The nudges the platform sent to members of the network, newest first',
        params: SlugParams,
        response: { 200: NudgeLog, ...errorResponses },
      },
    },
    async (request) => getNudgeLog(ctx, request.network.network),
  );
}
