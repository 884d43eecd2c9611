import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NotificationIdParams,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  UnreadCount,
  UpdateNotificationPreferencesBody,
} from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { startNotificationJobs } from './notification-mail.ts';
import { presentNotificationList } from './notifications.presenter.ts';
import {
  getNotifications,
  getPreferences,
  getUnreadCount,
  markRead,
  updatePreferences,
} from './notifications.service.ts';
import { unsubscribeRoutes } from './unsubscribe.routes.ts';

const tags = ['notifications'];

/** In-app notifications, e-mail preferences and the unsubscribe link; also starts the notification jobs. */
export async function notificationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await startNotificationJobs(ctx);
  // Encapsulated: the form parser below (one-click unsubscribe, RFC 8058) stays on these routes.
  await fastify.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    app.get(
      '/api/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first',
          querystring: NotificationListQuery,
          response: { 200: NotificationList, ...errorResponses },
        },
      },
      async (request) => {
        const { rows, nextCursor } = await getNotifications(ctx, requireAuth(request).user.id, request.query);
        return presentNotificationList(rows, nextCursor);
      },
    );

    app.get(
      '/api/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'How many notifications are unread',
          response: { 200: UnreadCount, ...errorResponses },
        },
      },
      async (request) => ({ unreadCount: await getUnreadCount(ctx, requireAuth(request).user.id) }),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one notification read',
          params: NotificationIdParams,
          response: { 200: UnreadCount, ...errorResponses },
        },
      },
      async (request) => ({
        unreadCount: await markRead(ctx, requireAuth(request).user.id, request.params.id),
      }),
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Mark all notifications read',
          response: { 200: UnreadCount, ...errorResponses },
        },
      },
      async (request) => ({ unreadCount: await markRead(ctx, requireAuth(request).user.id) }),
    );

    app.get(
      '/api/me/notification-preferences',
      {
        schema: {
          operationId: 'getMyNotificationPreferences',
          tags,
          summary: 'My e-mail settings per notification kind',
          response: { 200: NotificationPreferences, ...errorResponses },
        },
      },
      async (request) => getPreferences(ctx, requireAuth(request).user.id),
    );

    app.put(
      '/api/me/notification-preferences',
      {
        schema: {
          tags,
          summary: 'Change e-mail settings: immediate, daily digest or off, per kind',
          body: UpdateNotificationPreferencesBody,
          response: { 200: NotificationPreferences, ...errorResponses },
        },
      },
      async (request) => updatePreferences(ctx, requireAuth(request).user.id, request.body),
    );

    await unsubscribeRoutes(scope, ctx);
  });
}
