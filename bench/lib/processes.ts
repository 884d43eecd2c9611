import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Started {
  child: ChildProcess;
  port: number;
  /** What the process printed when ready (the part the ready pattern matched). */
  ready: string;
  stop(): Promise<void>;
}

/** Spawns a Node script and waits until it prints a line with its port ("… :PORT" or "ready on PORT"). */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPattern: RegExp,
  timeoutMs = 120_000,
): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready in ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(readyPattern);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        // Keep draining so the child never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({
          child,
          port: Number(match[1]),
          ready: match[0],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Server processes of the platform under test: as on a server (`WORKERS=auto`, one per core) unless
 * `BENCH_WORKERS` says otherwise. The load generator shares the machine; at the platform's rates it
 * needs a small part of one core.
 */
export const BENCH_WORKERS = process.env.BENCH_WORKERS ?? String(availableParallelism());

/** A `WORKERS` value as the platform reads it (`auto` = one per core) as a process count. */
export function processCount(workers: string, name = 'BENCH_WORKERS'): number {
  const count = workers === 'auto' ? availableParallelism() : Number(workers);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${name} must be "auto" or a whole number ≥ 1`);
  return count;
}

/** Server processes of the platform under test (as `BENCH_WORKERS` asks for). */
export const PLATFORM_PROCESSES = processCount(BENCH_WORKERS);

/**
 * Processes of the bare Fastify baseline: as many as the platform runs, in the same cluster setup,
 * so that a share of the baseline compares like with like. `BENCH_BASELINE_WORKERS=1` gives the
 * one-process baseline that figures before issue 22 were compared with.
 */
export const BASELINE_PROCESSES = processCount(
  process.env.BENCH_BASELINE_WORKERS ?? BENCH_WORKERS,
  'BENCH_BASELINE_WORKERS',
);

/** The built server (`scripts/build-server.mjs`, as `npm start` runs it), built once per benchmark run. */
export const BUILT_SERVER = 'dist/server/main.mjs';
let built = false;
export function buildServer(): void {
  if (built) return;
  const run = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`building the server failed:\n${run.stdout}${run.stderr}`);
  built = true;
}

/** Starts the platform on a data dir (SQLite) and resolves once it is ready. */
export function startPlatform(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Started & { readyMs: number }> {
  buildServer();
  const started = performance.now();
  return startProcess(
    ['--enable-source-maps', BUILT_SERVER],
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOB_POLL_MS: '60000',
      WORKERS: BENCH_WORKERS,
      PUBLIC_URL: 'http://127.0.0.1',
      ...env,
    },
    /listens on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*ready in/,
  ).then((s) => ({ ...s, readyMs: performance.now() - started }));
}

/**
 * Starts the bare Fastify baseline (or, given a file, the same bare route answering that JSON) on
 * `processes` server processes, in the platform's cluster setup when more than one.
 */
export function startBaseline(
  answerFile?: string,
  processes = BASELINE_PROCESSES,
): Promise<Started & { processes: number }> {
  return startProcess(
    ['--import', 'tsx', 'bench/baseline-server.ts'],
    {
      PORT: '0',
      BASELINE_WORKERS: String(processes),
      ...(answerFile && { BASELINE_ANSWER: answerFile }),
    },
    /baseline ready on (\d+) \(\d+ process/,
  ).then(async (s) => {
    // As many processes as asked for serve (the count is what the baseline reports once all listen).
    const serving = Number(s.ready.match(/\((\d+) process/)?.[1]);
    if (serving !== processes) {
      await s.stop();
      throw new Error(`the baseline reports ${serving} processes, not ${processes}`);
    }
    return { ...s, processes: serving };
  });
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(port: number, email: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}
