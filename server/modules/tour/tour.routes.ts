import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  NetworkWelcome,
  SetNetworkWelcomeBody,
  SetTourBody,
  TourState,
} from '../../../common/contracts/tour.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { getTour, getWelcome, setTour, setWelcome } from './tour.service.ts';

const tags = ['tour'];

/** One's own first-run tour in a network, and the welcome text its meta-mentors write for it. */
export async function tourRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/tour',
    {
      config: { action: 'membership.tour' },
      schema: {
        tags,
        operationId: 'getMyTour',
        summary: 'Whether one has gone through or skipped the network’s tour, and its welcome text',
        params: SlugParams,
        response: { 200: TourState, ...errorResponses },
      },
    },
    async (request) => getTour(ctx, request.network),
  );

  app.put(
    '/api/networks/:slug/tour',
    {
      config: { action: 'membership.tour' },
      schema: {
        tags,
        operationId: 'setMyTour',
        summary: 'Record that one went through or skipped the network’s tour (not shown again)',
        params: SlugParams,
        body: SetTourBody,
        response: { 200: TourState, ...errorResponses },
      },
    },
    async (request) => setTour(ctx, request.network, request.body),
  );

  app.get(
    '/api/networks/:slug/welcome',
    {
      config: { action: 'network.edit' },
      schema: {
        tags,
        operationId: 'getNetworkWelcome',
        summary: 'The welcome text the tour opens with, for the meta-mentors to edit',
        params: SlugParams,
        response: { 200: NetworkWelcome, ...errorResponses },
      },
    },
    async (request) => ({ welcomeText: await getWelcome(ctx, request.network) }),
  );

  app.put(
    '/api/networks/:slug/welcome',
    {
      config: { action: 'network.edit' },
      schema: {
        tags,
        operationId: 'setNetworkWelcome',
        summary: 'Write or clear (empty) the welcome text the tour opens with',
        params: SlugParams,
        body: SetNetworkWelcomeBody,
        response: { 200: NetworkWelcome, ...errorResponses },
      },
    },
    async (request) => ({ welcomeText: await setWelcome(ctx, request.network, request.body.welcomeText) }),
  );
}
