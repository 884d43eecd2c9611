import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordBody,
  CurrentSession,
  Me,
  Ok,
  SessionIdParams,
  SessionList,
  UpdateMeBody,
} from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import {
  listSessions,
  requireAuth,
  revokeOtherSessions,
  revokeSession,
} from '../../platform/sessions/index.ts';
import { mustSetUpSecondFactor } from '../platform-settings/index.ts';
import { presentMe } from '../users/index.ts';
import { changePassword, updateAccount } from './account.service.ts';
import { deviceTokenOf, setDeviceCookie } from './device-cookie.ts';

const tags = ['account'];

/** The signed-in account: its details, password and sessions. */
export async function meRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in account', response: { 200: Me, ...errorResponses } } },
    async (request) => presentMe(requireAuth(request).user),
  );

  // The web app asks this on every page: a visitor is an ordinary answer here, not a 401.
  app.get(
    '/api/session',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'Who is signed in on this browser (user is null for a visitor)',
        response: { 200: CurrentSession, ...errorResponses },
      },
    },
    async (request) =>
      request.auth
        ? {
            user: presentMe(request.auth.user),
            secondFactorRequired: await mustSetUpSecondFactor(ctx, request.auth.user),
          }
        : { user: null },
  );

  app.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change display name and/or language',
        body: UpdateMeBody,
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => presentMe(await updateAccount(ctx, requireAuth(request).user, request.body)),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        operationId: 'changeMyPassword',
        tags,
        summary: 'Change the password; signs out all other sessions',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      const deviceToken = await changePassword(
        ctx,
        requireAuth(request),
        request.body,
        deviceTokenOf(request),
      );
      setDeviceCookie(reply, ctx.config, deviceToken);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'Active sessions of this account',
        response: { 200: SessionList, ...errorResponses },
      },
    },
    async (request) => ({ sessions: await listSessions(ctx, requireAuth(request)) }),
  );

  app.delete(
    '/api/me/sessions',
    { schema: { tags, summary: 'Sign out everywhere else', response: { 200: Ok, ...errorResponses } } },
    async (request) => {
      await revokeOtherSessions(ctx, requireAuth(request));
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sign out one session',
        params: SessionIdParams,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await revokeSession(ctx, requireAuth(request).user.id, request.params.id);
      return { ok: true as const };
    },
  );
}
