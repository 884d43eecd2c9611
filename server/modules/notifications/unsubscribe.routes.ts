import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UnsubscribeInfo, UnsubscribeQuery } from '../../../common/contracts/notifications.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errorResponses } from '../../errors.ts';
import { applyUnsubscribe, describeUnsubscribe } from './unsubscribe.service.ts';
import { renderUnsubscribePage } from './unsubscribe-page.ts';

const tags = ['notifications'];

/**
 * The unsubscribe link of notification mails (no session: the token is signed). Registered by
 * notificationRoutes inside its scope, whose form parser takes the one-click POST (RFC 8058).
 */
export async function unsubscribeRoutes(scope: FastifyInstance, ctx: AppContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const unsubscribeSchema = (summary: string) => ({
    tags,
    summary,
    description:
      'Works without signing in (signed link from a mail). Answers HTML when the browser asks for it.',
    querystring: UnsubscribeQuery,
    response: { 200: UnsubscribeInfo, ...errorResponses },
  });

  app.get(
    '/api/notifications/unsubscribe',
    { config: { access: 'public' }, schema: unsubscribeSchema('What an unsubscribe link turns off') },
    async (request, reply) =>
      answer(request, reply, request.query.token, () => describeUnsubscribe(ctx, request.query.token)),
  );

  app.post(
    '/api/notifications/unsubscribe',
    {
      config: { access: 'public' },
      schema: unsubscribeSchema('Apply an unsubscribe link (also the one-click POST of mail programs)'),
    },
    async (request, reply) =>
      answer(request, reply, request.query.token, () => applyUnsubscribe(ctx, request.query.token)),
  );
}

const wantsHtml = (request: FastifyRequest) => /text\/html/.test(request.headers.accept ?? '');

/** JSON for API clients; a small page for people who followed the link in a browser. */
async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  run: () => Promise<UnsubscribeInfo>,
) {
  if (!wantsHtml(request)) return run();
  try {
    const info = await run();
    return reply
      .type('text/html; charset=utf-8')
      .send(renderUnsubscribePage(request.locale, { info, token }));
  } catch (err) {
    if (!(err instanceof AppError) || !['TOKEN_INVALID', 'TOKEN_EXPIRED'].includes(err.code)) throw err;
    const error = err.code === 'TOKEN_EXPIRED' ? 'expired' : 'invalid';
    return reply
      .status(err.status)
      .type('text/html; charset=utf-8')
      .send(renderUnsubscribePage(request.locale, { error }));
  }
}
