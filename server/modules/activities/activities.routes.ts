import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityCsvQuery,
  ActivityList,
  ActivityListQuery,
  ActivityParams,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../common/contracts/activities.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import {
  activityActorOf,
  changeActivity,
  exportActivitiesCsv,
  listActivities,
  logActivity,
  removeActivity,
} from './activities.service.ts';

const tags = ['activities'];
const base = '/api/networks/:slug/activities';
const privateNote = 'Only the author ever sees an activity and its note (stored encrypted).';

/** The mentoring log (D3): each member's own activities, in a network and across all of theirs. */
export async function activityRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    base,
    {
      config: { action: 'activities.log' },
      schema: {
        tags,
        summary:
          'Log a mentoring activity (the note is privacy-checked: findings need privacyConfirmed, else 422 ' +
          'PRIVACY_FINDINGS)',
        description: privateNote,
        params: SlugParams,
        body: CreateActivityBody,
        response: { 201: Activity, ...errorResponses },
      },
    },
    async (request, reply) => {
      const activity = await logActivity(ctx, activityActorOf(request.network), request.body);
      reply.code(201);
      return activity;
    },
  );

  app.get(
    base,
    {
      config: { action: 'activities.log' },
      schema: {
        tags,
        summary: 'Your own activities in the network, newest first, with your mentee codes',
        description: privateNote,
        params: SlugParams,
        querystring: ActivityListQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (request) => {
      const { user, network } = activityActorOf(request.network);
      return listActivities(ctx, user, network, request.query);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      config: { action: 'activities.log' },
      schema: {
        tags,
        summary: 'Change one of your activities (a changed note is privacy-checked again)',
        params: ActivityParams,
        body: UpdateActivityBody,
        response: { 200: Activity, ...errorResponses },
      },
    },
    async (request) => changeActivity(ctx, activityActorOf(request.network), request.params.id, request.body),
  );

  app.delete(
    `${base}/:id`,
    {
      config: { action: 'activities.log' },
      schema: {
        tags,
        summary: 'Delete one of your activities',
        params: ActivityParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeActivity(ctx, activityActorOf(request.network), request.params.id);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/api/me/activities',
    {
      schema: {
        tags,
        summary: 'Your own activities in all your networks, newest first, with your mentee codes',
        description: privateNote,
        querystring: ActivityListQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (request) => listActivities(ctx, requireAuth(request).user, null, request.query),
  );

  app.get(
    '/api/me/activities.csv',
    {
      schema: {
        tags,
        summary: 'Your own log as CSV (UTF-8 with a byte order mark, header row in `lang` or your language)',
        description: privateNote,
        querystring: ActivityCsvQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...range } = request.query;
      const csv = await exportActivitiesCsv(ctx, requireAuth(request).user, lang ?? request.locale, range);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mentoring-log.csv"')
        .header('cache-control', 'private, no-store')
        .send(csv);
    },
  );
}
