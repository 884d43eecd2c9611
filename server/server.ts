import { buildApp } from './app.ts';
import { reportServing, shareMetrics, workerRole } from './cluster.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { migrateToLatest } from './db/migrate.ts';
import { preloadCatalogues } from './lib/i18n.ts';
import { newSecret } from './lib/ids.ts';
import { createLogger } from './logger.ts';
import { needsSetup } from './modules/setup/index.ts';
import { serveMetricsPort } from './platform/metrics/index.ts';
import { startupBanner } from './startup-banner.ts';

/** Runs one server process: migrate, serve, stop cleanly on SIGTERM/SIGINT (alone or as one of `WORKERS`). */
export async function runServer(config: Config): Promise<void> {
  const role = workerRole();
  const log = createLogger(config);
  preloadCatalogues();
  const ctx = createContext(config, log);
  await migrateToLatest(ctx.database.db);

  const setup = await needsSetup(ctx);
  const setupToken = setup ? (role?.setupToken ?? newSecret()) : undefined;
  const app = await buildApp(ctx, { setupToken });
  await app.listen({ port: config.port, host: config.host });
  // SMTP down or misconfigured is a warning, not a reason to stay down: mails wait and retry.
  if ((role?.index ?? 0) === 0) void ctx.verifyMail();
  // Several processes: the supervisor aggregates all of their metrics (prom-client's AggregatorRegistry)
  // and serves them on METRICS_PORT; `/metrics` on the main port asks it for the same aggregate.
  if (role) ctx.metrics.renderWith(shareMetrics(ctx.metrics.registry));
  const metricsServer =
    !role && config.metricsPort !== undefined
      ? await serveMetricsPort(
          config.metricsPort,
          () => ctx.metrics.render(),
          ctx.metrics.registry.contentType,
        )
      : undefined;
  // Of several processes only the first runs the background jobs (they are claimed safely anyway).
  if (config.jobWorker && (role?.index ?? 0) === 0) ctx.jobs.start();

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (role) reportServing(port, setup);
  else console.log(startupBanner(config, { port, processes: 1, setupToken }));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      metricsServer?.close();
      await app.close();
      await ctx.close();
      if (!role) console.log('mentorNET shut down cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // The supervisor is gone (killed): the listening port went with it, so this process stops too.
  if (role) process.on('disconnect', () => void shutdown('supervisor gone'));
}
