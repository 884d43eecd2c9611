import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DriftingPage,
  HealthQuery,
  HealthSettings,
  HealthSettingsBody,
  NetworkHealth,
  OrganisationHealth,
} from '../../../common/contracts/network-health.ts';
import { PageQuery, SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import * as service from './network-health.service.ts';
import { startHealthJobs } from './rollup.service.ts';

const tags = ['network health'];

/** Network health (D1): the dashboard of a network and of an organisation, the warning thresholds; starts the roll-up job. */
export async function networkHealthRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await startHealthJobs(ctx);

  app.get(
    '/api/networks/:slug/health',
    {
      config: { action: 'health.view' },
      schema: {
        tags,
        summary:
          'The network’s health from daily roll-ups: weekly series, figures of now, early warnings and ' +
          'drifting members for its meta-mentors, office and founding organisation’s admins; goals and ' +
          'upcoming events for every member (`full` says which)',
        params: SlugParams,
        querystring: HealthQuery,
        response: { 200: NetworkHealth, ...errorResponses },
      },
    },
    async (request) => service.getNetworkHealth(ctx, request.network, request.query),
  );

  app.get(
    '/api/networks/:slug/health/drifting',
    {
      config: { action: 'health.manage' },
      schema: {
        tags,
        summary:
          'The members drifting away after the dashboard’s first ones (its `driftingNextCursor`), page ' +
          'by page, most recently active first; without a cursor the first page as of today. Its staff',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: DriftingPage, ...errorResponses },
      },
    },
    async (request) => service.listDrifting(ctx, request.network.network, request.query),
  );

  app.get(
    '/api/networks/:slug/health/settings',
    {
      config: { action: 'health.manage' },
      schema: {
        tags,
        summary: 'The thresholds of the network’s early warnings',
        params: SlugParams,
        response: { 200: HealthSettings, ...errorResponses },
      },
    },
    async (request) => service.getHealthSettings(ctx, request.network.network),
  );

  app.put(
    '/api/networks/:slug/health/settings',
    {
      config: { action: 'health.manage' },
      schema: {
        tags,
        summary: 'Change thresholds of the early warnings (those given); audited',
        params: SlugParams,
        body: HealthSettingsBody,
        response: { 200: HealthSettings, ...errorResponses },
      },
    },
    async (request) => service.setHealthSettings(ctx, request.network, request.body),
  );

  app.get(
    '/api/organisations/:slug/health',
    {
      config: { action: 'organisation.health.view' },
      schema: {
        tags,
        summary:
          'The networks the organisation founded side by side: figures of now and warnings; its admins',
        params: SlugParams,
        response: { 200: OrganisationHealth, ...errorResponses },
      },
    },
    async (request) => service.getOrganisationHealth(ctx, request.organisation.organisation),
  );
}
