import path from 'node:path';
import autocannon from 'autocannon';
import type { LoadResult } from './lib/load.ts';
import { ROOT, type Started } from './lib/processes.ts';

export interface ScenarioResult extends Partial<LoadResult> {
  scenario: string;
  note?: string;
  target?: string;
  met?: boolean;
}

export interface ScenarioContext {
  work: string;
  durationSeconds: number;
  baseline: LoadResult;
  startPlatform: (dataDir: string, env?: Record<string, string>) => Promise<Started & { readyMs: number }>;
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioResult[]>;

async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`cli ${args.join(' ')} failed:\n${out}`)),
    );
  });
}

/** 7. Sign-in: expected slow, since scrypt is deliberately expensive; every request from another client IP. */
const signin: Scenario = async (ctx) => {
  const dataDir = path.join(ctx.work, 'signin');
  const env = { DATA_DIR: dataDir };
  await runCli(
    ['create-admin', '--email', 'bench@example.org', '--name', 'Bench', '--password', 'bench-password-2026'],
    env,
  );
  const server = await ctx.startPlatform(dataDir, { TRUST_PROXY: 'true' });
  try {
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}/api/auth/login`,
      connections: 50,
      duration: ctx.durationSeconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` },
      body: JSON.stringify({ email: 'bench@example.org', password: 'bench-password-2026' }),
      // A distinct client address per request, so the per-IP limit measures its cost without refusing.
      setupClient: (client) => {
        const nextAddress = () => {
          n += 1;
          client.setHeaders({
            'content-type': 'application/json',
            origin: `http://127.0.0.1:${server.port}`,
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          });
        };
        nextAddress();
        client.on('response', nextAddress);
      },
    });
    return [
      {
        scenario: 'signin',
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        note: 'scrypt N=2^15 per request: slow by design',
      },
    ];
  } finally {
    await server.stop();
  }
};

export const SCENARIOS: Record<string, Scenario> = { signin };
