import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export interface TestServer {
  /** Where the browser opens the app (its public address). */
  url: string;
  /** Where the test's own requests go: the loopback address the server listens on. */
  apiUrl: string;
  dataDir: string;
  /** The first-run token the server printed, while the platform has no accounts. */
  setupToken?: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the web app when its sources changed since the last build. */
export function buildWebIfNeeded(): void {
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
}

/**
 * Starts the real server on a free port with a fresh SQLite data dir; resolves once it listens.
 * `host: 'localhost'` makes the public address http://localhost:PORT (the server still listens on
 * 127.0.0.1): passkeys need a relying-party id that is a domain name, never an IP address, and
 * Chromium counts http://localhost as a secure context.
 */
export async function startServer(options: { host?: '127.0.0.1' | 'localhost' } = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mentornet-e2e-'));
  const apiUrl = `http://127.0.0.1:${port}`;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      PASSWORD_HASH_COST: 'low',
      JOB_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      // Always the embedded SQLite database, even when the caller's shell points at PostgreSQL.
      DATABASE_URL: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (/listens on/.test(output) && (/setup\?token=/.test(output) || /ready in/.test(output))) {
        // The setup link follows "ready in" on the next lines; give it a moment to arrive.
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 200);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  await ready;
  const setupToken = output.match(/setup\?token=([\w-]+)/)?.[1];
  return {
    url,
    apiUrl,
    dataDir,
    setupToken,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API like a same-origin browser would (the server checks Origin on writes). */
export async function apiCall(
  server: TestServer,
  method: string,
  apiPath: string,
  body?: unknown,
  cookie?: string,
): Promise<{ status: number; json: unknown; cookie?: string }> {
  const headers: Record<string, string> = { origin: server.url, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const response = await fetch(`${server.apiUrl}/api${apiPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie')?.split(';')[0];
  return { status: response.status, json: await response.json().catch(() => undefined), cookie: setCookie };
}
