import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResults } from '../../../common/contracts/search.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { presentSearchResults } from './search.presenter.ts';
import { search } from './search.service.ts';

/** Full-text search over the discussions and members of the caller's networks. */
export async function searchRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search the discussions, announcements, help requests, events, members and organisations of my networks, best match first',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errorResponses },
      },
    },
    async (request) => presentSearchResults(await search(ctx, requireAuth(request), request.query)),
  );
}
