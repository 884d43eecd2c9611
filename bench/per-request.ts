/**
 * Per-request cost of a few reads, in one process without HTTP load (`app.inject`): CPU time and
 * wall time per request and the statements that went through Kysely's executor (precompiled reads
 * on SQLite are not among them). Useful on a shared machine, where a load test's figures move with
 * the other work: `DATA_DIR=<generated data dir> npx tsx bench/per-request.ts` (URLS: comma-separated
 * paths, default the help-request list, one request's suggested helpers and the health dashboard of
 * the fixture's network; N requests each after 100 for warm-up).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { preloadCatalogues } from '../server/lib/i18n.ts';
import { createLogger } from '../server/logger.ts';

const config = loadConfig();
const fixture = JSON.parse(readFileSync(path.join(config.dataDir, 'bench-fixture.json'), 'utf8')) as {
  email: string;
  password: string;
  networkSlug: string;
  helpRequestId: string;
};
preloadCatalogues();
const ctx = createContext(config, createLogger(config));
await migrateToLatest(ctx.database.db);
const app = await buildApp(ctx, {});
let statements = 0;
const observe = ctx.metrics.observeQuery.bind(ctx.metrics);
ctx.metrics.observeQuery = ((...args: Parameters<typeof observe>) => {
  statements++;
  return observe(...args);
}) as typeof observe;

const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: fixture.email, password: fixture.password },
  headers: { origin: config.publicUrl },
});
const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
const n = `/api/networks/${fixture.networkSlug}`;
const urls = (
  process.env.URLS ??
  `${n}/help-requests?limit=20,${n}/help-requests/${fixture.helpRequestId}/suggested-helpers,${n}/health`
).split(',');
const count = Number(process.env.N ?? 400);
for (const url of urls) {
  const first = await app.inject({ url, headers: { cookie } });
  if (first.statusCode !== 200) {
    console.log(`${url}: ${first.statusCode}`);
    continue;
  }
  for (let i = 0; i < 100; i++) await app.inject({ url, headers: { cookie } });
  statements = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await app.inject({ url, headers: { cookie } });
  const wall = (performance.now() - started) / count;
  const used = process.cpuUsage(cpu);
  console.log(
    `${url}: ${Math.round((used.user + used.system) / count)} µs CPU, ${wall.toFixed(2)} ms wall, ` +
      `${(statements / count).toFixed(1)} statements through Kysely, ${first.body.length} B`,
  );
}
await app.close();
await ctx.close();
