import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  ChangePhaseBody,
  Roadmap,
  RoadmapStepParams,
  TickStepBody,
} from '../../../common/contracts/roadmap.ts';
import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { type NetworkRow, requireUser } from '../networks/index.ts';
import { presentRoadmap } from './roadmap.presenter.ts';
import { changePhase, getRoadmapFacts, tickStep, untickStep } from './roadmap.service.ts';

const tags = ['roadmap'];

/** The roadmap guide of a network: its checklist, manual ticks and the phase it is in. */
export async function roadmapRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const roadmapOf = async (network: NetworkRow, locale: Locale) =>
    presentRoadmap(await getRoadmapFacts(ctx, network), locale);

  app.get(
    '/api/networks/:slug/roadmap',
    {
      config: { action: 'roadmap.view' },
      schema: {
        tags,
        summary: "The network's phase and the roadmap checklist, translated",
        params: SlugParams,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => roadmapOf(request.network.network, request.locale),
  );

  app.put(
    '/api/networks/:slug/roadmap/steps/:step',
    {
      config: { action: 'roadmap.manage' },
      schema: {
        tags,
        summary: 'Tick a manual step with the day it was done and a note',
        params: RoadmapStepParams,
        body: TickStepBody,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await tickStep(ctx, access.network, requireUser(access), request.params.step, request.body);
      return roadmapOf(access.network, request.locale);
    },
  );

  app.delete(
    '/api/networks/:slug/roadmap/steps/:step',
    {
      config: { action: 'roadmap.manage' },
      schema: {
        tags,
        summary: 'Untick a manual step',
        params: RoadmapStepParams,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await untickStep(ctx, access.network, requireUser(access), request.params.step);
      return roadmapOf(access.network, request.locale);
    },
  );

  app.post(
    '/api/networks/:slug/roadmap/phase',
    {
      config: { action: 'roadmap.manage' },
      schema: {
        operationId: 'setRoadmapPhase',
        tags,
        summary: 'Move the network to the next phase (or back one)',
        params: SlugParams,
        body: ChangePhaseBody,
        response: { 200: Roadmap, ...errorResponses },
      },
    },
    async (request) => {
      const access = request.network;
      await changePhase(ctx, access.network, requireUser(access), request.body);
      return roadmapOf(access.network, request.locale);
    },
  );
}
