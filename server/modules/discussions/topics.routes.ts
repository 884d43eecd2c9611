import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  CreateTopicBody,
  MarkReadBody,
  ModerateTopicBody,
  Topic,
  TopicList,
  TopicListQuery,
  TopicParams,
  UpdateTopicBody,
} from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { discussionAccess, POST_BODY_LIMIT_BYTES } from './discussion-access.ts';
import {
  getTopic,
  getTopics,
  moderateTopic,
  readTopic,
  removeTopic,
  renameTopic,
  startTopic,
} from './topics.service.ts';

const tags = ['discussions'];
const topicPath = '/api/networks/:slug/topics/:topicId';

/** Topics and read markers (replies and reactions: posts.routes.ts). */
export async function topicRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/networks/:slug/topics',
    {
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
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.read',
      );
      return getTopics(ctx, network, reader, request.query);
    },
  );

  app.post(
    '/api/networks/:slug/topics',
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Start a topic (Markdown; mentions as @[Name](user-id))',
        params: SlugParams,
        body: CreateTopicBody,
        response: { 201: Topic, ...errorResponses },
      },
    },
    async (request, response) => {
      const { network, user, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return response.status(201).send(await startTopic(ctx, network, user, reader, request.body));
    },
  );

  app.get(
    topicPath,
    {
      schema: {
        tags,
        summary: 'A topic with its opening post and your last-read marker',
        params: TopicParams,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.read',
      );
      return getTopic(ctx, network, reader, request.params.topicId);
    },
  );

  app.patch(
    topicPath,
    {
      schema: {
        tags,
        summary: 'Change the title (author)',
        params: TopicParams,
        body: UpdateTopicBody,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return renameTopic(ctx, network, reader, request.params.topicId, request.body.title);
    },
  );

  app.delete(
    topicPath,
    {
      schema: {
        tags,
        summary: 'Delete a topic (author or moderator; moderators still see it)',
        params: TopicParams,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return removeTopic(ctx, network, reader, request.params.topicId);
    },
  );

  app.put(
    `${topicPath}/moderation`,
    {
      schema: {
        tags,
        summary: 'Pin or lock a topic (meta-mentors)',
        params: TopicParams,
        body: ModerateTopicBody,
        response: { 200: Topic, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.moderate',
      );
      return moderateTopic(ctx, network, reader, request.params.topicId, request.body);
    },
  );

  app.post(
    `${topicPath}/read`,
    {
      schema: {
        tags,
        summary: 'Mark the topic read up to a post (default: its newest)',
        params: TopicParams,
        body: MarkReadBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.read',
      );
      await readTopic(ctx, network, reader, request.params.topicId, request.body.postId);
      return { ok: true as const };
    },
  );
}
