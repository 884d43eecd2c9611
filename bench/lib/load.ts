import autocannon from 'autocannon';

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

/** Runs autocannon against one URL for a bounded time (after a warm-up) and returns throughput and latency. */
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
  if (warmup > 0) await autocannon({ ...request, duration: warmup });
  const result = await autocannon({ ...request, duration: options.durationSeconds ?? 10 });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
