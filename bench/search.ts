// One search request at a time, in-process (app.inject, no load generator, no sockets), on a data
// dir or PostgreSQL database filled by `npm run cli -- generate`: the server's own time per search
// request, whole path (session, standings, search statement, snippets, JSON), and the CPU this
// process spent on it (for PostgreSQL: without the database server's own time). Signed in as the
// generated member; each query runs BENCH_RUNS times after BENCH_WARMUP runs, interleaved.
//   DATA_DIR=/tmp/large npm run bench:search
//   DATA_DIR=/tmp/pg DATABASE_URL=postgres://… PUBLIC_URL=http://localhost npm run bench:search
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import type { Fixture } from '../server/dev/generate-data.ts';
import { createLogger } from '../server/logger.ts';
import { startSession } from '../server/platform/sessions/index.ts';
import { percentile } from './lib/percentile.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' } as Record<string, string>);
const fixture = JSON.parse(readFileSync(path.join(config.dataDir, 'bench-fixture.json'), 'utf8')) as Fixture;
// The scenario's term, a prefix of it, a rarer word, a phrase, an exclusion and a term without hits.
const QUERIES = (
  process.env.BENCH_QUERIES?.split('|') ?? [
    fixture.searchTerm,
    'Spr',
    'Ausländerbehörde',
    '"residence permit"',
    'office -permit',
    'Zzyzxq',
  ]
).map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=20`);

const ctx = createContext(config, createLogger({ logLevel: 'silent' }));
const app = await buildApp(ctx);
try {
  const user = await ctx.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', fixture.email)
    .executeTakeFirstOrThrow();
  const { token } = await startSession(ctx, user.id, { ip: '127.0.0.1', userAgent: 'bench' });
  const headers = { cookie: `mn_session=${token}` };
  const timings = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const cpu = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const hits = new Map<string, number>();
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (const url of QUERIES) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const res = await app.inject({ method: 'GET', url, headers });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      hits.set(url, res.json().results.length);
      if (run >= WARMUP) {
        timings.get(url)?.push(ms);
        cpu.get(url)?.push((used.user + used.system) / 1000);
      }
    }
  }
  console.log(`${ctx.database.dialect}, ${RUNS} runs after ${WARMUP} warm-up, one at a time`);
  for (const [url, ms] of timings) {
    const q = decodeURIComponent(url.split('q=')[1]?.split('&')[0] ?? '');
    console.log(
      `${q.padEnd(20)} hits ${String(hits.get(url)).padStart(2)}  p50 ${percentile(ms, 50).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms  server CPU p50 ${percentile(cpu.get(url) ?? [], 50).toFixed(1)} ms`,
    );
  }
} finally {
  await app.close();
  await ctx.close();
}
