import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { isWebPage } from '../common/web-pages.ts';
import { tileSourceOf } from './config.ts';
import type { AppContext } from './context.ts';
import { accountDataRoutes } from './modules/account-data/index.ts';
import { activityRoutes, reportRoutes } from './modules/activities/index.ts';
import { announcementRoutes } from './modules/announcements/index.ts';
import { applicationRoutes } from './modules/applications/index.ts';
import { authRoutes, meRoutes, passkeyRoutes, twoFactorRoutes } from './modules/auth/index.ts';
import { buddyRoutes } from './modules/buddies/index.ts';
import { directoryRoutes } from './modules/directory/index.ts';
import { discussionRoutes } from './modules/discussions/index.ts';
import { documentRoutes } from './modules/documents/index.ts';
import { calendarRoutes, eventRoutes, nextPublicEvents } from './modules/events/index.ts';
import { goalRoutes } from './modules/goals/index.ts';
import { healthRoutes, metricsRoutes } from './modules/health/index.ts';
import { helpRequestRoutes } from './modules/help-requests/index.ts';
import { invitationRoutes } from './modules/invitations/index.ts';
import { legalRoutes } from './modules/legal/index.ts';
import { joiningRoutes, memberRoutes } from './modules/members/index.ts';
import { messageRoutes } from './modules/messages/index.ts';
import { moderationRoutes } from './modules/moderation/index.ts';
import { moocRoutes } from './modules/mooc/index.ts';
import { networkHealthRoutes } from './modules/network-health/index.ts';
import { networkRoutes, networkSharePageRoutes } from './modules/networks/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { officeRoutes } from './modules/office/index.ts';
import { operationsRoutes } from './modules/operations/index.ts';
import { networkLinkRoutes, organisationRoutes } from './modules/organisations/index.ts';
import { partnershipRoutes } from './modules/partnerships/index.ts';
import { platformSettingsRoutes } from './modules/platform-settings/index.ts';
import { privacyRoutes } from './modules/privacy/index.ts';
import { profileRoutes } from './modules/profiles/index.ts';
import { progressionRoutes } from './modules/progression/index.ts';
import { pushRoutes } from './modules/push/index.ts';
import { resourceRoutes } from './modules/resources/index.ts';
import { roadmapRoutes } from './modules/roadmap/index.ts';
import { searchRoutes } from './modules/search/index.ts';
import { setupRoutes } from './modules/setup/index.ts';
import { tourRoutes } from './modules/tour/index.ts';
import { volunteerRecordRoutes } from './modules/volunteer-records/index.ts';
import type { SocketOptions } from './platform/websocket/index.ts';
import { websocketRoutes } from './platform/websocket/index.ts';
import { registerAuthorization } from './plugins/authorize.ts';
import { registerErrorHandler, sendError } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerRequestContext } from './plugins/request-context.ts';
import { responseSerializerCompiler } from './plugins/response-serializer.ts';
import { registerSecondFactorGate } from './plugins/second-factor-gate.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerTextInputCheck } from './plugins/text-input.ts';
import { registerWeb } from './plugins/web.ts';

export interface BuildAppOptions {
  /** One-time code that allows first-run setup in the browser (only while no user exists). */
  setupToken?: string;
  /** WebSocket heartbeat and buffer limits (tests shorten them). */
  realtime?: Partial<SocketOptions>;
  /** Check every answer against its schema with zod too (tests; see plugins/response-serializer.ts). */
  checkResponses?: boolean;
}

/** JSON bodies are small (forms); uploads get their own limits in their routes. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the HTTP app around a context; does not listen (tests use app.inject). */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ check: options.checkResponses ?? false }));

  await app.register(cookie);
  registerSecurityHeaders(app, {
    https: ctx.config.publicUrl.startsWith('https:'),
    tileSource: tileSourceOf(ctx.config.map.tileUrl),
  });
  registerErrorHandler(app);
  registerTextInputCheck(app);
  registerRequestContext(app, ctx);
  registerSecondFactorGate(app, ctx);
  registerAuthorization(app, ctx);
  await registerOpenApi(app);
  await metricsRoutes(app, ctx);

  // First: the WebSocket plugin must see every route that is added after it.
  await websocketRoutes(app, ctx, options.realtime);
  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await meRoutes(app, ctx);
  await twoFactorRoutes(app, ctx);
  await passkeyRoutes(app, ctx);
  await accountDataRoutes(app, ctx);
  await setupRoutes(app, ctx, options.setupToken);
  await organisationRoutes(app, ctx);
  await networkRoutes(app, ctx);
  await networkLinkRoutes(app, ctx);
  await partnershipRoutes(app, ctx);
  await memberRoutes(app, ctx);
  await joiningRoutes(app, ctx);
  await documentRoutes(app, ctx);
  await officeRoutes(app, ctx);
  await profileRoutes(app, ctx);
  await invitationRoutes(app, ctx);
  await applicationRoutes(app, ctx);
  await moocRoutes(app, ctx);
  await roadmapRoutes(app, ctx);
  await operationsRoutes(app, ctx);
  await legalRoutes(app, ctx);
  await platformSettingsRoutes(app, ctx);
  await goalRoutes(app, ctx);
  await privacyRoutes(app, ctx);
  await discussionRoutes(app, ctx);
  await announcementRoutes(app, ctx);
  await messageRoutes(app, ctx);
  await notificationRoutes(app, ctx);
  await pushRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await buddyRoutes(app, ctx);
  await helpRequestRoutes(app, ctx);
  await eventRoutes(app, ctx);
  await resourceRoutes(app, ctx);
  await calendarRoutes(app, ctx);
  await moderationRoutes(app, ctx);
  await networkHealthRoutes(app, ctx);
  await activityRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await volunteerRecordRoutes(app, ctx);
  await tourRoutes(app, ctx);
  await directoryRoutes(app, ctx);
  await progressionRoutes(app, ctx);

  const hasWeb = await registerWeb(app, ctx.config.webDistDir);
  if (hasWeb) await networkSharePageRoutes(app, ctx, (network) => nextPublicEvents(ctx, network));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Only page paths get the app shell; a missing file (asset, manifest, …) must stay a 404.
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      !path.startsWith('/assets/') &&
      !/\.[a-z0-9]+$/i.test(path);
    if (hasWeb && isPage) {
      // Unknown paths get the shell too (the app shows its "not found" page), but never a 200.
      return reply
        .code(isWebPage(path) ? 200 : 404)
        .header('cache-control', 'no-cache')
        .sendFile('index.html');
    }
    return sendError(request, reply, 404, 'NOT_FOUND');
  });
  return app;
}
