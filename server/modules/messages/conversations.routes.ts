import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  AddParticipantsBody,
  Conversation,
  ConversationList,
  ConversationListQuery,
  ConversationParams,
  CreateGroupBody,
  OpenDirectBody,
} from '../../../common/contracts/messages.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import {
  addParticipants,
  createGroup,
  getConversation,
  leaveConversation,
  listConversations,
  openDirectConversation,
} from './conversations.service.ts';
import { presentConversation, presentConversationList } from './messages.presenter.ts';

const tags = ['messages'];

/** Direct and group conversations: list, open, create, add people, leave. */
export async function conversationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/conversations',
    {
      schema: {
        tags,
        summary: 'My conversations, most recent first, with unread counts',
        querystring: ConversationListQuery,
        response: { 200: ConversationList, ...errorResponses },
      },
    },
    async (request) => {
      const { conversations, nextCursor } = await listConversations(
        ctx,
        requireAuth(request).user.id,
        request.query,
      );
      return presentConversationList(conversations, nextCursor);
    },
  );

  app.post(
    '/api/conversations/direct',
    {
      schema: {
        operationId: 'openDirectConversation',
        tags,
        summary: 'Find or start the direct conversation with another member (idempotent)',
        body: OpenDirectBody,
        response: { 200: Conversation, 201: Conversation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireAuth(request).user;
      const { conversation, created } = await openDirectConversation(ctx, user.id, request.body.userId);
      return reply.code(created ? 201 : 200).send(presentConversation(conversation));
    },
  );

  app.post(
    '/api/conversations/group',
    {
      schema: {
        operationId: 'createGroupConversation',
        tags,
        summary: 'Start a group conversation (2–50 people)',
        body: CreateGroupBody,
        response: { 201: Conversation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireAuth(request).user;
      return reply.code(201).send(presentConversation(await createGroup(ctx, user.id, request.body)));
    },
  );

  app.get(
    '/api/conversations/:id',
    {
      schema: {
        tags,
        summary: 'One conversation',
        params: ConversationParams,
        response: { 200: Conversation, ...errorResponses },
      },
    },
    async (request) =>
      presentConversation(await getConversation(ctx, requireAuth(request).user.id, request.params.id)),
  );

  app.post(
    '/api/conversations/:id/participants',
    {
      schema: {
        tags,
        summary: 'Add people to a group',
        params: ConversationParams,
        body: AddParticipantsBody,
        response: { 200: Conversation, ...errorResponses },
      },
    },
    async (request) =>
      presentConversation(
        await addParticipants(ctx, requireAuth(request).user.id, request.params.id, request.body),
      ),
  );

  app.delete(
    '/api/conversations/:id/participants/me',
    {
      schema: {
        operationId: 'leaveConversation',
        tags,
        summary: 'Leave a group',
        params: ConversationParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await leaveConversation(ctx, requireAuth(request).user.id, request.params.id);
      return { ok: true as const };
    },
  );
}
