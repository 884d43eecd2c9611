import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BuddyList,
  BuddyListQuery,
  BuddyPair,
  BuddyPairParams,
  BuddySuggestions,
  BuddySuggestionsQuery,
  CreateBuddyPairBody,
  UpdateBuddyPairBody,
} from '../../../common/contracts/buddies.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { registerBuddyRooms } from './buddies.events.ts';
import { presentPair, presentPairList } from './buddies.presenter.ts';
import { type BuddyActor, buddyActorOf, getBuddyPair, listBuddyPairs } from './buddies.service.ts';
import { startBuddyJobs } from './checkins.service.ts';
import { createBuddyPair, updateBuddyPair, withdrawBuddyPair } from './pairing.service.ts';
import { suggestBuddies } from './suggestions.service.ts';

const tags = ['buddies'];

/** Buddy pairing (B4): suggestions, requests and proposals, answers, endings; starts the check-in job. */
export async function buddyRoutes(fastify: FastifyInstance, ctx: AppContext) {
  registerBuddyRooms(ctx);
  await startBuddyJobs(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** A pairing as the caller sees it after a change. */
  const current = async (actor: BuddyActor, id: string) => {
    const { row, lastContactAt } = await getBuddyPair(ctx, actor, id);
    return presentPair(row, actor.viewer, lastContactAt);
  };

  app.get(
    '/api/networks/:slug/buddies/suggestions',
    {
      config: { action: 'buddies.manage' },
      schema: {
        tags,
        summary:
          'Experienced mentors for a beginner, best first, ranked by shared languages, region and expertise, ' +
          'openness and current load (active pairings), each with the reasons as codes',
        params: SlugParams,
        querystring: BuddySuggestionsQuery,
        response: { 200: BuddySuggestions, ...errorResponses },
      },
    },
    async (request) => suggestBuddies(ctx, buddyActorOf(request.network), request.query.for),
  );

  app.get(
    '/api/networks/:slug/buddies',
    {
      config: { action: 'buddies.view' },
      schema: {
        tags,
        summary:
          'Buddy pairings, newest first: open ones (requests, proposals, active pairs) or the history. ' +
          'The meta-mentor and office see all (mine=true: their own), everyone else their own',
        params: SlugParams,
        querystring: BuddyListQuery,
        response: { 200: BuddyList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = buddyActorOf(request.network);
      const { rows, lastContact, nextCursor } = await listBuddyPairs(ctx, actor, request.query);
      return presentPairList(rows, actor.viewer, lastContact, nextCursor);
    },
  );

  app.post(
    '/api/networks/:slug/buddies',
    {
      config: { action: 'buddies.ask' },
      schema: {
        tags,
        summary:
          'A beginner asks for a buddy (naming one, or leaving it to the meta-mentor or office), or the ' +
          'meta-mentor or office propose a pairing (a waiting request of the beginner gets that buddy named)',
        params: SlugParams,
        body: CreateBuddyPairBody,
        response: { 201: BuddyPair, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = buddyActorOf(request.network);
      const id = await createBuddyPair(ctx, actor, request.body);
      reply.code(201);
      return current(actor, id);
    },
  );

  app.patch(
    '/api/networks/:slug/buddies/:id',
    {
      config: { action: 'buddies.ask' },
      schema: {
        tags,
        summary:
          'The buddy accepts (status active) or declines a proposal; either buddy, or the meta-mentor or ' +
          'office, ends an active pairing (status ended) with a short note. Ended pairings stay in the history',
        params: BuddyPairParams,
        body: UpdateBuddyPairBody,
        response: { 200: BuddyPair, ...errorResponses },
      },
    },
    async (request) => {
      const actor = buddyActorOf(request.network);
      await updateBuddyPair(ctx, actor, request.params.id, request.body);
      return current(actor, request.params.id);
    },
  );

  app.delete(
    '/api/networks/:slug/buddies/:id',
    {
      config: { action: 'buddies.ask' },
      schema: {
        tags,
        summary:
          'Withdraw a request or proposal that has no answer yet (the beginner, or the meta-mentor or ' +
          'office); it stays in the history as withdrawn. An active pairing is ended with PATCH instead',
        params: BuddyPairParams,
        response: { 200: BuddyPair, ...errorResponses },
      },
    },
    async (request) => {
      const actor = buddyActorOf(request.network);
      await withdrawBuddyPair(ctx, actor, request.params.id);
      return current(actor, request.params.id);
    },
  );
}
