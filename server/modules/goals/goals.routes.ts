import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateGoalBody,
  CreateGoalUpdateBody,
  GoalDetail,
  GoalList,
  GoalListQuery,
  GoalParams,
  GoalSummary,
  UpdateGoalBody,
} from '../../../common/contracts/goals.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import { createGoal, editGoal, getGoal, listGoals, postGoalUpdate, summariseGoals } from './goals.service.ts';

const tags = ['goals'];

export async function goalRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/goals',
    {
      schema: {
        tags,
        summary: "The network's open (or archived) goals with progress",
        params: SlugParams,
        querystring: GoalListQuery,
        response: { 200: GoalList, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'goals.view');
      return listGoals(ctx, access.network, request.query.archived === 'true');
    },
  );

  app.get(
    '/api/networks/:slug/goals/summary',
    {
      schema: {
        tags,
        summary: 'Goal progress at a glance (percent per open goal)',
        params: SlugParams,
        response: { 200: GoalSummary, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'goals.view');
      return summariseGoals(ctx, access.network);
    },
  );

  app.post(
    '/api/networks/:slug/goals',
    {
      schema: {
        tags,
        summary: 'Define a goal, optionally with a measurable indicator',
        params: SlugParams,
        body: CreateGoalBody,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'goals.manage');
      reply.code(201);
      return createGoal(ctx, access.network, user, request.body);
    },
  );

  app.get(
    '/api/networks/:slug/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'A goal with its progress history, oldest first',
        params: GoalParams,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'goals.view');
      return getGoal(ctx, access.network, request.params.goalId);
    },
  );

  app.patch(
    '/api/networks/:slug/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'Edit, archive or restore a goal',
        params: GoalParams,
        body: UpdateGoalBody,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'goals.manage');
      return editGoal(ctx, access.network, user, request.params.goalId, request.body);
    },
  );

  app.post(
    '/api/networks/:slug/goals/:goalId/updates',
    {
      schema: {
        tags,
        summary: 'Post a progress update (a value and/or a comment)',
        params: GoalParams,
        body: CreateGoalUpdateBody,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'goals.update');
      reply.code(201);
      return postGoalUpdate(ctx, access.network, user, request.params.goalId, request.body);
    },
  );
}
