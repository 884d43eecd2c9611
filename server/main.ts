import cluster from 'node:cluster';
import { type Config, loadConfig } from './config.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

// The supervisor of several server processes loads none of the server's modules.
if (cluster.isPrimary && config.workers > 1) {
  const { runSupervisor } = await import('./cluster.ts');
  runSupervisor(config);
} else {
  const { runServer } = await import('./server.ts');
  await runServer(config).catch((err: unknown) => {
    console.error('mentorNET failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
