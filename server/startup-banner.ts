import type { Config } from './config.ts';

/** The lines printed once the platform serves; "ready in" last, so whoever waits for it has them all. */
export function startupBanner(
  config: Config,
  options: { port: number; processes: number; setupToken: string | undefined },
): string {
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  const processes = options.processes > 1 ? `, ${options.processes} server processes` : '';
  const lines = [`mentorNET listens on http://${config.host}:${options.port} (${where}${processes})`];
  if (options.setupToken) {
    lines.push(
      '',
      'This platform has no accounts yet. Create the first platform admin:',
      `  in the browser: ${config.publicUrl}/setup?token=${options.setupToken}`,
      '  or on the command line: npm run cli -- create-admin --email you@example.org --name "Your Name"',
      '',
    );
  }
  lines.push(`ready in ${Math.round(process.uptime() * 1000)} ms`);
  return lines.join('\n');
}
