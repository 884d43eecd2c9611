/**
 * Page quality in Lighthouse's mobile profile (simulated slow 4G and a 4× slower CPU) for the three
 * pages a member opens most: the landing page (signed out), a network's overview and a topic (signed
 * in). `npm run bench:lighthouse` — needs `npm run build` before and Chromium (`CHROME_PATH`, default
 * /usr/bin/chromium). Targets (issue 24): performance ≥ 95, accessibility 100, best practices ≥ 95.
 * A benchmark, not a test: the scores move with the machine's load. Writes bench/results/lighthouse-*.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, signIn, startPlatform } from './lib/processes.ts';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const lighthouseBin = path.join(ROOT, 'node_modules', '.bin', 'lighthouse');

if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
  console.error('bench:lighthouse: run `npm run build` first.');
  process.exit(1);
}

interface Scores {
  performance: number;
  accessibility: number;
  'best-practices': number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  bytes: number;
}

function audit(url: string, cookie: string | null, out: string): Scores {
  const args = [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage`,
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  const run = spawnSync(lighthouseBin, args, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: chrome },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${run.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    fcpMs: Math.round(value('first-contentful-paint')),
    lcpMs: Math.round(value('largest-contentful-paint')),
    tbtMs: Math.round(value('total-blocking-time')),
    cls: Number(value('cumulative-layout-shift').toFixed(3)),
    bytes: Math.round(value('total-byte-weight')),
  };
}

/** The median of each figure over the runs (Lighthouse's own advice for noisy machines). */
function median(runs: Scores[]): Scores {
  const pick = (key: keyof Scores) => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    'best-practices': pick('best-practices'),
    fcpMs: pick('fcpMs'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    bytes: pick('bytes'),
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'mentornet-lighthouse-'));
const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'seed-demo'], {
  cwd: ROOT,
  env: { ...process.env, DATA_DIR: dataDir },
  encoding: 'utf8',
});
if (seed.status !== 0) throw new Error(`seed-demo failed:\n${seed.stdout}${seed.stderr}`);
const server = await startPlatform(dataDir, { WORKERS: '1', JOB_WORKER: 'off' });
try {
  const base = `http://127.0.0.1:${server.port}`;
  const cookie = await signIn(server.port, 'meta.mentor@demo.example.org', 'demo-mentornet-2026');
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json();
  };
  const mine = (await get('/api/networks')) as { networks: { slug: string }[] };
  const slug = mine.networks[0]?.slug;
  if (!slug) throw new Error('the demo meta-mentor has no network');
  const spaces = (await get(`/api/networks/${slug}/spaces`)) as { spaces: { id: string }[] };
  const topics = (await get(`/api/networks/${slug}/topics?spaceId=${spaces.spaces[0]?.id}&limit=1`)) as {
    topics: { id: string }[];
  };
  const pages: [string, string, string | null][] = [
    ['landing (signed out)', '/', null],
    ['network overview', `/networks/${slug}`, cookie],
    ['topic', `/networks/${slug}/discussions/${topics.topics[0]?.id}`, cookie],
  ];
  const results: Record<string, Scores & { runs: Scores[] }> = {};
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  for (const [name, url, withCookie] of pages) {
    const runs: Scores[] = [];
    const report = path.join(dataDir, 'report.json');
    for (let i = 0; i < RUNS; i++) runs.push(audit(`${base}${url}`, withCookie, report));
    // LIGHTHOUSE_REPORTS=1 keeps the last full report of each page beside the results.
    if (process.env.LIGHTHOUSE_REPORTS)
      writeFileSync(
        path.join(ROOT, 'bench/results', `lighthouse-${name.replace(/\W+/g, '-')}.report.json`),
        readFileSync(report),
      );
    results[name] = { ...median(runs), runs };
    const m = results[name];
    const met = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).every((k) => m[k] >= TARGETS[k]);
    console.log(
      `${name.padEnd(22)} performance ${m.performance}, accessibility ${m.accessibility}, best practices ${m['best-practices']}` +
        ` · FCP ${m.fcpMs} ms, LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, CLS ${m.cls}, ${(m.bytes / 1000).toFixed(0)} KB · ${met ? 'met' : 'NOT met'} (median of ${RUNS})`,
    );
  }
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const file = path.join(
    ROOT,
    'bench/results',
    `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, targets: TARGETS, results },
      null,
      2,
    ),
  );
  console.log(`results written to ${path.relative(ROOT, file)}`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
