import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { migrateToLatest } from './db/migrate.ts';
import { newSecret } from './lib/ids.ts';
import { preloadCatalogues } from './lib/i18n.ts';
import { createLogger } from './logger.ts';
import { needsSetup } from './modules/setup/setup.service.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const log = createLogger(config);
  preloadCatalogues();
  const ctx = createContext(config, log);
  await migrateToLatest(ctx.database.db);

  const setupToken = (await needsSetup(ctx)) ? newSecret() : undefined;
  const app = await buildApp(ctx, { setupToken });
  await app.listen({ port: config.port, host: config.host });
  if (config.jobWorker) ctx.jobs.start();

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const lines = [`mentorNET listens on http://${config.host}:${port} (${where})`];
  if (setupToken) {
    lines.push(
      '',
      'This platform has no accounts yet. Create the first platform admin:',
      `  in the browser: ${config.publicUrl}/setup?token=${setupToken}`,
      '  or on the command line: npm run cli -- create-admin --email you@example.org --name "Your Name"',
      '',
    );
  }
  // One write, "ready" last: whoever waits for it has the whole message.
  lines.push(`ready in ${Math.round(process.uptime() * 1000)} ms`);
  console.log(lines.join('\n'));

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
      await app.close();
      await ctx.close();
      console.log('mentorNET shut down cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('mentorNET failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
