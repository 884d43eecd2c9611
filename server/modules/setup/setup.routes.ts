import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Me, SetupBody, SetupStatus } from '../../../common/contracts/auth.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requestMeta, setSessionCookie } from '../../platform/sessions/index.ts';
import { presentMe } from '../users/index.ts';
import { completeSetup, needsSetup } from './setup.service.ts';

const tags = ['setup'];

/** First-run setup: the first platform admin, created with the code printed at startup. */
export async function setupRoutes(fastify: FastifyInstance, ctx: AppContext, setupToken: string | undefined) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether the platform still needs its first admin',
        response: { 200: SetupStatus },
      },
    },
    async () => ({ needsSetup: await needsSetup(ctx) }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create the first platform admin with the code printed at startup',
        body: SetupBody,
        response: { 201: Me, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, token } = await completeSetup(ctx, request.body, setupToken, requestMeta(request));
      setSessionCookie(reply, ctx.config, token);
      return reply.code(201).send(presentMe(user));
    },
  );
}
