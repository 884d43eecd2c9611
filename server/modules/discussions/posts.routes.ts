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
import { errorResponses } from '../../errors.ts';
import { requireUser } from '../networks/index.ts';
import { readerOf } from './discussion-reader.ts';
import { presentPost, presentReactionState, presentReplyList } from './discussions.presenter.ts';
import { POST_BODY_LIMIT_BYTES } from './post-body.service.ts';
import { deletePost, editPost, getReplies, reactToPost, reply } from './posts.service.ts';
import {
  IDEMPOTENCY_NOTE,
  idempotencyKeyOf,
  runIdempotent,
  sendIdempotent,
} from '../../platform/idempotency/index.ts';

const tags = ['discussions'];
const topicPath = '/api/networks/:slug/topics/:topicId';
const postPath = '/api/networks/:slug/posts/:postId';

/** Replies, post edits and deletions, reactions. */
export async function postRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${topicPath}/replies`,
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary: 'Replies, oldest first',
        params: TopicParams,
        querystring: ReplyListQuery,
        response: { 200: ReplyList, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const replies = await getReplies(ctx, network, reader, request.params.topicId, request.query);
      return presentReplyList(network.slug, replies, reader);
    },
  );

  app.post(
    `${topicPath}/replies`,
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Reply to a topic (refused with TOPIC_LOCKED when locked)',
        description: IDEMPOTENCY_NOTE,
        params: TopicParams,
        body: CreateReplyBody,
        response: { 201: Post, ...errorResponses },
      },
    },
    async (request, response) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const author = requireUser(request.network);
      const answer = await runIdempotent(
        ctx,
        {
          userId: author.id,
          key: idempotencyKeyOf(request),
          scope: 'discussions.reply',
          path: request.url,
          body: request.body,
        },
        async (recordAnswer) => {
          const answerOf = (post: Awaited<ReturnType<typeof reply>>) => ({
            status: 201,
            body: presentPost(network.slug, post, reader),
          });
          const { topicId } = request.params;
          const post = await reply(ctx, network, author, reader, topicId, request.body, (tx, written) =>
            recordAnswer(tx, answerOf(written)),
          );
          return answerOf(post);
        },
      );
      return sendIdempotent(response, answer);
    },
  );

  app.patch(
    postPath,
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Edit a post (author only; marked edited)',
        params: PostParams,
        body: UpdatePostBody,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      const author = requireUser(request.network);
      const post = await editPost(ctx, network, author, reader, request.params.postId, request.body.body);
      return presentPost(network.slug, post, reader);
    },
  );

  app.delete(
    postPath,
    {
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Delete a post (author or moderator); the opening post deletes the topic',
        params: PostParams,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const reader = readerOf(request.network);
      return presentPost(network.slug, await deletePost(ctx, network, reader, request.params.postId), reader);
    },
  );

  app.post(
    `${postPath}/reactions`,
    {
      config: { action: 'discussions.write' },
      schema: {
        tags,
        summary: 'Toggle a reaction on a post',
        params: PostParams,
        body: ToggleReactionBody,
        response: { 200: ReactionState, ...errorResponses },
      },
    },
    async (request) => {
      const reader = readerOf(request.network);
      const { postId } = request.params;
      return presentReactionState(
        await reactToPost(ctx, request.network.network, reader, postId, request.body.reaction),
      );
    },
  );
}
