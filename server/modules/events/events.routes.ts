import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AttendanceBody,
  Attendees,
  CancelEventBody,
  CreateEventBody,
  Event,
  EventList,
  EventParams,
  EventRangeQuery,
  OccurrenceParams,
  PublicEventList,
  PublicEventsQuery,
  RsvpBody,
  RsvpResult,
  UpdateEventBody,
  UpdateOccurrenceBody,
} from '../../../common/contracts/events.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errorResponses } from '../../errors.ts';
import { answerWithEtag } from '../../lib/http-cache.ts';
import { eventCalendar } from './calendar.service.ts';
import { publishEventChanged, publishRsvpChanged } from './events.events.ts';
import {
  presentEvent,
  presentOccurrences,
  presentPublicEvents,
  presentSharedEvent,
} from './events.presenter.ts';
import {
  cancelEvent,
  createEvent,
  deleteEvent,
  type EventActor,
  emptyCounts,
  eventActorOf,
  listEvents,
  listPublicEvents,
  loadEvent,
  loadExtras,
  updateEvent,
  waitingPositionOf,
  loadSharedEvent,
} from './events.service.ts';
import { notifyEventChange } from './reminders.service.ts';
import { answerEvent, changeOccurrence, getAttendees, recordEventAttendance } from './rsvp.service.ts';

const tags = ['events'];

/** Events (C6): the range list, the event and its changes, RSVPs, attendees, attendance, the .ics. */
export async function eventRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** An event as the caller sees it after a change. */
  const current = async (actor: EventActor, id: string) => {
    const { row } = await loadEvent(ctx, actor.network.id, id);
    const extras = await loadExtras(ctx, [id], actor.user.id);
    const event = presentEvent(row, actor.network.slug, extras, actor.viewer, Date.now());
    if (event.myRsvp?.waiting) event.myRsvp.position = await waitingPositionOf(ctx, id, actor.user.id);
    return event;
  };

  app.get(
    '/api/networks/:slug/events',
    {
      config: { action: 'events.view' },
      schema: {
        tags,
        summary:
          'The occurrences of the network’s events in a range (default: the next 60 days), in time order, ' +
          'a recurring event once per occurrence, with RSVP counts and the caller’s answer; page by page ' +
          '(nextCursor)',
        params: SlugParams,
        querystring: EventRangeQuery,
        response: { 200: EventList, ...errorResponses },
      },
    },
    async (request) => {
      const { items, nextCursor, answers, from, to } = await listEvents(ctx, request.network, request.query);
      return {
        items: presentOccurrences(items, answers, request.network.network.id),
        nextCursor,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      };
    },
  );

  app.get(
    '/api/networks/:slug/public-events',
    {
      config: { action: 'events.public' },
      schema: {
        tags,
        summary:
          'The upcoming public events of a public network, for anyone without an account (its public ' +
          'page): each occurrence that starts within the next 180 days, a series once per occurrence, in ' +
          'time order, page by page (nextCursor). Headline facts only: no answers, link or address. ' +
          'Cacheable for a minute (ETag); an unlisted or private network lists none',
        params: SlugParams,
        querystring: PublicEventsQuery,
        response: { 200: PublicEventList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const { items, nextCursor } = await listPublicEvents(ctx, network, request.query);
      const cache = network.visibility === 'public' ? 'public, max-age=60' : 'private, max-age=60';
      return answerWithEtag(request, reply, { items: presentPublicEvents(items), nextCursor }, cache);
    },
  );

  app.get(
    '/api/networks/:slug/partners/public-events',
    {
      config: { action: 'partnerships.view' },
      schema: {
        tags,
        summary:
          'The upcoming public events of the network and of its active partners that are public, merged ' +
          'by start time, each with its network; for whoever may see the partners page, page by page',
        params: SlugParams,
        querystring: PublicEventsQuery,
        response: { 200: PublicEventList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const query = { ...request.query, withPartners: true };
      const { items, nextCursor } = await listPublicEvents(ctx, network, query);
      const cache = network.visibility === 'public' ? 'public, max-age=60' : 'private, max-age=60';
      return answerWithEtag(request, reply, { items: presentPublicEvents(items), nextCursor }, cache);
    },
  );

  app.post(
    '/api/networks/:slug/events',
    {
      config: { action: 'events.create' },
      schema: {
        tags,
        summary:
          'Create an event, once or recurring, online or on site, in an IANA time zone (the meta-mentor and ' +
          'office; mentors too when the network allows it)',
        params: SlugParams,
        body: CreateEventBody,
        response: { 201: Event, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = eventActorOf(request.network);
      const id = await createEvent(ctx, actor, request.body);
      await publishEventChanged(ctx, actor.network, id);
      reply.code(201);
      return current(actor, id);
    },
  );

  app.get(
    '/api/networks/:slug/events/:id.ics',
    {
      config: { action: 'events.view' },
      schema: {
        tags,
        summary:
          'The event as an iCalendar file ("add to calendar"), with its series and changed occurrences',
        params: EventParams,
      },
    },
    async (request, reply) => {
      const text = await eventCalendar(ctx, eventActorOf(request.network), request.params.id);
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="event.ics"');
      return text;
    },
  );

  app.get(
    '/api/networks/:slug/events/:id',
    {
      config: { action: 'events.view' },
      schema: {
        tags,
        summary: 'One event: the network’s own, or one an active partner network shared (read-only)',
        params: EventParams,
        response: { 200: Event, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      try {
        return await current(eventActorOf(request.network), request.params.id);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
        const row = await loadSharedEvent(ctx, network.id, request.params.id);
        return presentSharedEvent(row, await loadExtras(ctx, [row.id], null), Date.now());
      }
    },
  );

  app.patch(
    '/api/networks/:slug/events/:id',
    {
      config: { action: 'events.edit' },
      schema: {
        tags,
        summary: 'Change an event (its organisers and staff); raises its SEQUENCE, tells those who answered',
        params: EventParams,
        body: UpdateEventBody,
        response: { 200: Event, ...errorResponses },
      },
    },
    async (request) => {
      const actor = eventActorOf(request.network);
      const { planChanged } = await updateEvent(ctx, actor, request.params.id, request.body);
      if (planChanged) await notifyEventChange(ctx, actor, request.params.id, 'event_changed');
      await publishEventChanged(ctx, actor.network, request.params.id);
      return current(actor, request.params.id);
    },
  );

  app.delete(
    '/api/networks/:slug/events/:id',
    {
      config: { action: 'events.edit' },
      schema: { tags, summary: 'Delete an event (its organisers and staff)', params: EventParams },
    },
    async (request, reply) => {
      const actor = eventActorOf(request.network);
      await deleteEvent(ctx, actor, request.params.id);
      await publishEventChanged(ctx, actor.network, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/networks/:slug/events/:id/cancel',
    {
      config: { action: 'events.edit' },
      schema: {
        tags,
        summary:
          'Cancel the event or the whole series; it stays listed as cancelled; those who answered are told',
        params: EventParams,
        body: CancelEventBody,
        response: { 200: Event, ...errorResponses },
      },
    },
    async (request) => {
      const actor = eventActorOf(request.network);
      const before = await cancelEvent(ctx, actor, request.params.id, request.body.reason);
      if (before.status !== 'cancelled')
        await notifyEventChange(ctx, actor, request.params.id, 'event_cancelled');
      await publishEventChanged(ctx, actor.network, request.params.id);
      return current(actor, request.params.id);
    },
  );

  app.put(
    '/api/networks/:slug/events/:id/occurrences/:occurrence',
    {
      config: { action: 'events.edit' },
      schema: {
        tags,
        summary:
          'Move, cancel or remove one occurrence of a series, named by its original local start ' +
          '(YYYY-MM-DDTHH:mm); state scheduled with no times undoes a change',
        params: OccurrenceParams,
        body: UpdateOccurrenceBody,
        response: { 200: Event, ...errorResponses },
      },
    },
    async (request) => {
      const actor = eventActorOf(request.network);
      await changeOccurrence(ctx, actor, request.params.id, request.params.occurrence, request.body);
      await notifyEventChange(
        ctx,
        actor,
        request.params.id,
        request.body.state === 'scheduled' ? 'event_changed' : 'event_cancelled',
      );
      await publishEventChanged(ctx, actor.network, request.params.id);
      return current(actor, request.params.id);
    },
  );

  app.put(
    '/api/networks/:slug/events/:id/rsvp',
    {
      config: { action: 'events.rsvp' },
      schema: {
        tags,
        summary:
          'Answer yes, maybe or no (for a series: all of it). A yes beyond the capacity waits for a place; ' +
          'when one frees up, the longest waiting moves up',
        params: EventParams,
        body: RsvpBody,
        response: { 200: RsvpResult, ...errorResponses },
      },
    },
    async (request) => {
      const actor = eventActorOf(request.network);
      const { promoted } = await answerEvent(ctx, actor, request.params.id, request.body);
      const extras = await loadExtras(ctx, [request.params.id], actor.user.id);
      const counts = extras.counts.get(request.params.id) ?? emptyCounts();
      if (promoted.length) await notifyEventChange(ctx, actor, request.params.id, 'event_place', promoted);
      await publishRsvpChanged(ctx, actor.network, request.params.id, counts);
      const mine = extras.mine.get(request.params.id);
      return {
        counts,
        myRsvp: mine
          ? {
              response: mine.response,
              waiting: Number(mine.waiting) === 1,
              position:
                Number(mine.waiting) === 1
                  ? await waitingPositionOf(ctx, request.params.id, actor.user.id)
                  : null,
            }
          : null,
      };
    },
  );

  app.get(
    '/api/networks/:slug/events/:id/attendees',
    {
      config: { action: 'events.attendance' },
      schema: {
        tags,
        summary:
          'Who answered what (with the waiting list) and who came to which occurrence (the meta-mentor and office)',
        params: EventParams,
        response: { 200: Attendees, ...errorResponses },
      },
    },
    async (request) => getAttendees(ctx, eventActorOf(request.network), request.params.id),
  );

  app.post(
    '/api/networks/:slug/events/:id/attendance',
    {
      config: { action: 'events.attendance' },
      schema: {
        operationId: 'recordEventAttendance',
        tags,
        summary:
          'Record who came to an occurrence once it has started (replaces an earlier record; the meta-mentor ' +
          'and office). Meetings with recorded attendance tick the roadmap steps that depend on meetings',
        params: EventParams,
        body: AttendanceBody,
        response: { 200: Attendees, ...errorResponses },
      },
    },
    async (request) => {
      const actor = eventActorOf(request.network);
      await recordEventAttendance(ctx, actor, request.params.id, request.body);
      return getAttendees(ctx, actor, request.params.id);
    },
  );
}
