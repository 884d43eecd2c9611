import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarFeed, CalendarFeedParams } from '../../../common/contracts/events.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { getCalendarFeed, personalCalendar } from './calendar.service.ts';
import { startEventJobs } from './reminders.service.ts';

const tags = ['events'];

/** The personal calendar feed and its address in the account; also starts the reminder job. */
export async function calendarRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await startEventJobs(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/calendar/:token.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'A personal iCalendar feed: every event of every network its owner takes part in. The secret ' +
          'token in the address is the only key (calendar apps send no cookie)',
        params: CalendarFeedParams,
      },
    },
    async (request, reply) => {
      const text = await personalCalendar(ctx, request.params.token);
      reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300');
      return text;
    },
  );

  app.get(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'The address of my personal calendar feed (made on first use)',
        response: { 200: CalendarFeed, ...errorResponses },
      },
    },
    async (request) => getCalendarFeed(ctx, requireAuth(request).user.id),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        operationId: 'renewMyCalendarFeed',
        tags,
        summary: 'Renew the address of my calendar feed: the old one stops working at once',
        response: { 200: CalendarFeed, ...errorResponses },
      },
    },
    async (request) => getCalendarFeed(ctx, requireAuth(request).user.id, true),
  );
}
