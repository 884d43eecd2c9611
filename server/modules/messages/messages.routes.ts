import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../common/contracts/auth.ts';
import {
  ConversationParams,
  EditMessageBody,
  HistoryQuery,
  MarkReadBody,
  Message,
  MessagePage,
  MessageParams,
  ReadState,
  SendMessageBody,
  SyncQuery,
  SyncResult,
  UnreadCounts,
} from '../../../common/contracts/messages.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { conversationRoutes } from './conversations.routes.ts';
import { registerConversationRooms } from './messages.events.ts';
import { presentMessage, presentMessagePage, presentSyncResult } from './messages.presenter.ts';
import type { MessageRow } from './messages.table.ts';
import {
  deleteMessage,
  editMessage,
  getUnreadCounts,
  listHistory,
  markRead,
  sendMessage,
  syncMessages,
} from './messages.service.ts';
import {
  IDEMPOTENCY_NOTE,
  idempotencyKeyOf,
  runIdempotent,
  sendIdempotent,
} from '../../platform/idempotency/index.ts';

const tags = ['messages'];

/** Messages (C3): conversations, history, sending, editing, read state, unread counts, catch-up. */
export async function messageRoutes(fastify: FastifyInstance, ctx: AppContext) {
  registerConversationRooms(ctx);
  await conversationRoutes(fastify, ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'History of a conversation, newest first',
        params: ConversationParams,
        querystring: HistoryQuery,
        response: { 200: MessagePage, ...errorResponses },
      },
    },
    async (request) =>
      presentMessagePage(
        await listHistory(ctx, requireAuth(request).user.id, request.params.id, request.query),
      ),
  );

  app.post(
    '/api/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Send a message (a retry with the same clientId returns the first one, 200)',
        description: IDEMPOTENCY_NOTE,
        params: ConversationParams,
        body: SendMessageBody,
        response: { 200: Message, 201: Message, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireAuth(request).user;
      const answer = await runIdempotent(
        ctx,
        {
          userId: user.id,
          key: idempotencyKeyOf(request),
          scope: 'messages.send',
          path: request.url,
          body: request.body,
        },
        async (recordAnswer) => {
          const answerOf = (message: MessageRow, created: boolean) => ({
            status: created ? 201 : 200,
            body: presentMessage(message),
          });
          const { message, created } = await sendMessage(
            ctx,
            user.id,
            request.params.id,
            request.body,
            (tx, row) => recordAnswer(tx, answerOf(row, true)),
          );
          return answerOf(message, created);
        },
      );
      return sendIdempotent(reply, answer);
    },
  );

  app.post(
    '/api/conversations/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark the conversation read up to a message',
        params: ConversationParams,
        body: MarkReadBody,
        response: { 200: ReadState, ...errorResponses },
      },
    },
    async (request) => markRead(ctx, requireAuth(request).user.id, request.params.id, request.body.messageId),
  );

  app.patch(
    '/api/messages/:id',
    {
      schema: {
        tags,
        summary: 'Edit one of my messages',
        params: MessageParams,
        body: EditMessageBody,
        response: { 200: Message, ...errorResponses },
      },
    },
    async (request) =>
      presentMessage(
        await editMessage(ctx, requireAuth(request).user.id, request.params.id, request.body.body),
      ),
  );

  app.delete(
    '/api/messages/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my messages',
        params: MessageParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await deleteMessage(ctx, requireAuth(request).user.id, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/messages/unread',
    {
      schema: {
        tags,
        summary: 'Unread messages per conversation and in total',
        response: { 200: UnreadCounts, ...errorResponses },
      },
    },
    async (request) => getUnreadCounts(ctx, requireAuth(request).user.id),
  );

  app.get(
    '/api/messages/sync',
    {
      schema: {
        tags,
        summary: 'Catch up after a reconnect: message changes after `since`, oldest first',
        querystring: SyncQuery,
        response: { 200: SyncResult, ...errorResponses },
      },
    },
    async (request) =>
      presentSyncResult(await syncMessages(ctx, requireAuth(request).user.id, request.query)),
  );
}
