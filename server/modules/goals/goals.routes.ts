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
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { presentGoalDetail, presentGoalList, presentGoalSummary } from './goals.presenter.ts';
import { createGoal, editGoal, getGoal, listGoals, postGoalUpdate } from './goals.service.ts';

const tags = ['goals'];

/** A network's goals: defining, editing and archiving them, and reporting progress. */
export async function goalRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/goals',
    {
      config: { action: 'goals.view' },
      schema: {
        tags,
        summary: "The network's open (or archived) goals with progress",
        params: SlugParams,
        querystring: GoalListQuery,
        response: { 200: GoalList, ...errorResponses },
      },
    },
    async (request) =>
      presentGoalList(await listGoals(ctx, request.network.network, request.query.archived === 'true')),
  );

  app.get(
    '/api/networks/:slug/goals/summary',
    {
      config: { action: 'goals.view' },
      schema: {
        tags,
        summary: 'Goal progress at a glance (percent per open goal)',
        params: SlugParams,
        response: { 200: GoalSummary, ...errorResponses },
      },
    },
    async (request) => presentGoalSummary(await listGoals(ctx, request.network.network, false)),
  );

  app.post(
    '/api/networks/:slug/goals',
    {
      config: { action: 'goals.manage' },
      schema: {
        tags,
        summary: 'Define a goal, optionally with a measurable indicator',
        params: SlugParams,
        body: CreateGoalBody,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = request.network;
      const created = await createGoal(ctx, access.network, requireUser(access), request.body);
      reply.code(201);
      return presentGoalDetail(created);
    },
  );

  app.get(
    '/api/networks/:slug/goals/:goalId',
    {
      config: { action: 'goals.view' },
      schema: {
        tags,
        summary: 'A goal with its progress history, oldest first',
        params: GoalParams,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => presentGoalDetail(await getGoal(ctx, request.network.network, request.params.goalId)),
  );

  app.patch(
    '/api/networks/:slug/goals/:goalId',
    {
      config: { action: 'goals.manage' },
      schema: {
        tags,
        summary: 'Edit, archive or restore a goal',
        params: GoalParams,
        body: UpdateGoalBody,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      const { goalId } = request.params;
      return presentGoalDetail(
        await editGoal(ctx, access.network, requireUser(access), goalId, request.body),
      );
    },
  );

  app.post(
    '/api/networks/:slug/goals/:goalId/updates',
    {
      config: { action: 'goals.update' },
      schema: {
        tags,
        summary: 'Post a progress update (a value and/or a comment)',
        params: GoalParams,
        body: CreateGoalUpdateBody,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = request.network;
      const { goalId } = request.params;
      const updated = await postGoalUpdate(ctx, access.network, requireUser(access), goalId, request.body);
      reply.code(201);
      return presentGoalDetail(updated);
    },
  );
}
