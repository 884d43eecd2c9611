import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { notFound, unauthenticated } from '../../errors.ts';
import { hasBearer } from '../../platform/metrics/index.ts';

/**
 * Times every request by its route pattern (`/api/networks/:slug/topics/:topicId`, never the
 * concrete path: one series per route, not per topic) and serves `GET /metrics` on the main port when
 * METRICS_TOKEN is set (bearer). Without METRICS_TOKEN the path answers 404 there, never the web app.
 */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext) {
  const { metrics } = ctx;
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  const token = ctx.config.metricsToken;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!token) throw notFound();
    if (!hasBearer(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw unauthenticated();
    }
    const body = await metrics.render();
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
