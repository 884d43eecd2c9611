import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateTopicBody,
  ModerateTopicBody,
  Topic,
  TopicList,
  TopicListQuery,
  TopicParams,
  UpdateTopicBody,
} from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { readerOf } from './discussion-reader.ts';
import { presentTopic, presentTopicList } from './discussions.presenter.ts';
import { POST_BODY_LIMIT_BYTES } from './post-body.service.ts';
import {
  getTopic,
  getTopics,
  moderateTopic,
  removeTopic,
  renameTopic,
  startTopic,
} from './topics.service.ts';

const tags = ['discussions'];
const topicPath = '/api/networks/:slug/topics/:topicId';

/** Topics (replies and reactions: posts.routes.ts; read markers: reads.routes.ts). */
export async function topicRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/topics',
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary:
          'Topics of the network or of one space: pinned first, then by last activity; with unread counts',
        params: SlugParams,
        querystring: TopicListQuery,
        response: { 200: TopicList, ...errorResponses },
      },
    },
    async (request) => {
      const reader = readerOf(request.network);
      return presentTopicList(await getTopics(ctx, request.network.network, reader, request.query), reader);
    },
  );

  app.post(
    '/api/networks/:slug/topics',
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Start a topic (Markdown; mentions as @[Name](user-id))',
        params: SlugParams,
        body: CreateTopicBody,
        response: { 201: Topic, ...errorResponses },
      },
    },
    async (request, response) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const topic = await startTopic(ctx, network, requireUser(request.network), reader, request.body);
      return response.status(201).send(presentTopic(network.slug, topic, reader));
    },
  );

  app.get(
    topicPath,
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary: 'A topic with its opening post and your last-read marker',
        params: TopicParams,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      return presentTopic(network.slug, await getTopic(ctx, network, reader, request.params.topicId), reader);
    },
  );

  app.patch(
    topicPath,
    {
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Change the title (author)',
        params: TopicParams,
        body: UpdateTopicBody,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const topic = await renameTopic(ctx, network, reader, request.params.topicId, request.body.title);
      return presentTopic(network.slug, topic, reader);
    },
  );

  app.delete(
    topicPath,
    {
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Delete a topic (author or moderator; moderators still see it)',
        params: TopicParams,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      return presentTopic(
        network.slug,
        await removeTopic(ctx, network, reader, request.params.topicId),
        reader,
      );
    },
  );

  app.put(
    `${topicPath}/moderation`,
    {
      config: { action: 'discussions.moderate' },
      schema: {
        tags,
        summary: 'Pin or lock a topic (meta-mentors)',
        params: TopicParams,
        body: ModerateTopicBody,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const topic = await moderateTopic(ctx, network, reader, request.params.topicId, request.body);
      return presentTopic(network.slug, topic, reader);
    },
  );
}
