import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateReplyBody,
  Post,
  PostParams,
  ReactionState,
  ReplyList,
  ReplyListQuery,
  ToggleReactionBody,
  TopicParams,
  UpdatePostBody,
} from '../../../common/contracts/discussions.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { discussionAccess, POST_BODY_LIMIT_BYTES } from './discussion-access.ts';
import { deletePost, editPost, getReplies, reactToPost, reply } from './posts.service.ts';

const tags = ['discussions'];
const topicPath = '/api/networks/:slug/topics/:topicId';
const postPath = '/api/networks/:slug/posts/:postId';

/** Replies, post edits and deletions, reactions. */
export async function postRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${topicPath}/replies`,
    {
      schema: {
        tags,
        summary: 'Replies, oldest first',
        params: TopicParams,
        querystring: ReplyListQuery,
        response: { 200: ReplyList, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.read',
      );
      return getReplies(ctx, network, reader, request.params.topicId, request.query);
    },
  );

  app.post(
    `${topicPath}/replies`,
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Reply to a topic (refused with TOPIC_LOCKED when locked)',
        params: TopicParams,
        body: CreateReplyBody,
        response: { 201: Post, ...errorResponses },
      },
    },
    async (request, response) => {
      const { network, user, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return response
        .status(201)
        .send(await reply(ctx, network, user, reader, request.params.topicId, request.body));
    },
  );

  app.patch(
    postPath,
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Edit a post (author only; marked edited)',
        params: PostParams,
        body: UpdatePostBody,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => {
      const { network, user, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return editPost(ctx, network, user, reader, request.params.postId, request.body.body);
    },
  );

  app.delete(
    postPath,
    {
      schema: {
        tags,
        summary: 'Delete a post (author or moderator); the opening post deletes the topic',
        params: PostParams,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return deletePost(ctx, network, reader, request.params.postId);
    },
  );

  app.post(
    `${postPath}/reactions`,
    {
      schema: {
        tags,
        summary: 'Toggle a reaction on a post',
        params: PostParams,
        body: ToggleReactionBody,
        response: { 200: ReactionState, ...errorResponses },
      },
    },
    async (request) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.write',
      );
      return reactToPost(ctx, network, reader, request.params.postId, request.body.reaction);
    },
  );
}
