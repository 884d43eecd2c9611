import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  ChangePhaseBody,
  Roadmap,
  RoadmapStepParams,
  TickStepBody,
} from '../../../common/contracts/roadmap.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { authorizeNetwork, loadNetworkAccess, requireNetworkUser } from '../networks/index.ts';
import { changePhase, getRoadmap, tickStep, untickStep } from './roadmap.service.ts';

const tags = ['roadmap'];

export async function roadmapRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/roadmap',
    {
      schema: {
        tags,
        summary: "The network's phase and the roadmap checklist, translated",
        params: SlugParams,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      authorizeNetwork(access, 'roadmap.view');
      return getRoadmap(ctx, access.network, request.locale);
    },
  );

  app.put(
    '/api/networks/:slug/roadmap/steps/:step',
    {
      schema: {
        tags,
        summary: 'Tick a manual step with the day it was done and a note',
        params: RoadmapStepParams,
        body: TickStepBody,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'roadmap.manage');
      await tickStep(ctx, access.network, user, request.params.step, request.body);
      return getRoadmap(ctx, access.network, request.locale);
    },
  );

  app.delete(
    '/api/networks/:slug/roadmap/steps/:step',
    {
      schema: {
        tags,
        summary: 'Untick a manual step',
        params: RoadmapStepParams,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'roadmap.manage');
      await untickStep(ctx, access.network, user, request.params.step);
      return getRoadmap(ctx, access.network, request.locale);
    },
  );

  app.post(
    '/api/networks/:slug/roadmap/phase',
    {
      schema: {
        tags,
        summary: 'Move the network to the next phase (or back one)',
        params: SlugParams,
        body: ChangePhaseBody,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = await loadNetworkAccess(ctx, request.auth, request.params.slug);
      const user = requireNetworkUser(access, 'roadmap.manage');
      await changePhase(ctx, access.network, user, request.body);
      return getRoadmap(ctx, access.network, request.locale);
    },
  );
}
