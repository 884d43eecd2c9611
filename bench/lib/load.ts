import autocannon from 'autocannon';
import { runHttpLoad } from './http-load.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Seconds of the same load run first and thrown away (`BENCH_WARMUP`, default 2): the first second
 * of a fresh process is spent compiling (JIT, tsx), which is startup, not throughput.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2);

/**
 * The load generator (`BENCH_CLIENT`): `lean` (default, bench/lib/http-load.ts) or `autocannon`.
 * Both keep 50 connections busy and report the same figures; the lean one reads only the status and
 * the framing of each answer, so it takes less of the CPU the server under test shares with it.
 */
export const LOAD_CLIENT = process.env.BENCH_CLIENT === 'autocannon' ? 'autocannon' : 'lean';

/** Runs a load against one URL for a bounded time (after a warm-up) and returns throughput and latency. */
export async function runLoad(options: {
  url: string;
  connections?: number;
  durationSeconds?: number;
  warmupSeconds?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
}): Promise<LoadResult> {
  const request = {
    url: options.url,
    connections: options.connections ?? 50,
    headers: options.headers,
    method: options.method ?? 'GET',
    body: options.body,
  } as const;
  const warmup = options.warmupSeconds ?? WARMUP_SECONDS;
  const durationSeconds = options.durationSeconds ?? 10;
  if (LOAD_CLIENT === 'lean') {
    if (warmup > 0) await runHttpLoad({ ...request, durationSeconds: warmup });
    const { requestsPerSecond, p50Ms, p99Ms, errors, non2xx } = await runHttpLoad({
      ...request,
      durationSeconds,
    });
    return { requestsPerSecond, p50Ms, p99Ms, errors, non2xx };
  }
  if (warmup > 0) await autocannon({ ...request, duration: warmup });
  const result = await autocannon({ ...request, duration: durationSeconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
