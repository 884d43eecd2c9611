import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Liveness (the process answers) and readiness (the database answers too) for load balancers. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await ctx.database.ping();
      return { status: 'ready', database: ctx.database.dialect };
    } catch (err) {
      request.log.warn({ err }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable', database: ctx.database.dialect });
    }
  });
}
