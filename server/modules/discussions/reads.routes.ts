import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import { MarkReadBody, TopicParams } from '../../../common/contracts/discussions.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { readerOf } from './discussion-reader.ts';
import { readTopic } from './reads.service.ts';

const tags = ['discussions'];

/** Read markers: how far each member has read a topic (the unread counts of the topic list rest on them). */
export async function readRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/networks/:slug/topics/:topicId/read',
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary: 'Mark the topic read up to a post (default: its newest)',
        params: TopicParams,
        body: MarkReadBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      await readTopic(ctx, network, readerOf(request.network), request.params.topicId, request.body.postId);
      return { ok: true as const };
    },
  );
}
