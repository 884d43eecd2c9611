// `npm run bench [-- scenario …]`: starts the platform on a temporary data dir, generates data, runs
// bounded load from this (separate) process against loopback, prints a table and writes JSON results
// to bench/results/. Every scenario stops by itself.
import { scryptSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { LOAD_CLIENT, runLoad } from './lib/load.ts';
import {
  BASELINE_PROCESSES,
  PLATFORM_PROCESSES,
  ROOT,
  type Started,
  startBaseline,
  startPlatform,
} from './lib/processes.ts';
import {
  generateDataset,
  growth,
  type ScenarioContext,
  type ScenarioResult,
  reuseDataset,
  SCENARIOS,
} from './scenarios.ts';

/**
 * The same fixed CPU work every run (median of 5): on a shared machine the host's load changes
 * every figure here, and this says how fast the machine was during a run, to compare runs by.
 */
function machineSpeed(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    scryptSync('mentorNET', 'bench', 64, { N: 2 ** 14, r: 8, p: 1 });
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[2] ?? 0);
}

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !(name in SCENARIOS) && name !== 'baseline');
if (unknown.length) {
  console.error(
    `Unknown scenario(s): ${unknown.join(', ')}. Known: baseline, ${Object.keys(SCENARIOS).join(', ')}`,
  );
  process.exit(2);
}
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const names = requested.length ? requested.filter((n) => n !== 'baseline') : Object.keys(SCENARIOS);

const work = mkdtempSync(path.join(tmpdir(), 'mentornet-bench-'));
const results: ScenarioResult[] = [];
/** Every measurement of the run's baseline (BASELINE_PROCESSES) in this run (req/s). */
const baselines: number[] = [];
/** Baseline servers by process count: the run's own, and any other count a scenario compares with. */
const baselineServers = new Map<number, Promise<Started>>();
const baselineUrl = async (processes: number) => {
  let server = baselineServers.get(processes);
  if (!server) {
    server = startBaseline(undefined, processes);
    baselineServers.set(processes, server);
  }
  return `http://127.0.0.1:${(await server).port}/`;
};
console.log(
  `server processes: platform ${PLATFORM_PROCESSES} (BENCH_WORKERS), baseline ${BASELINE_PROCESSES}` +
    (BASELINE_PROCESSES === PLATFORM_PROCESSES ? ' (equal counts)' : ' (NOT equal: BENCH_BASELINE_WORKERS)'),
);
try {
  const speedAtStart = machineSpeed();
  // 1. Baseline: a bare Fastify route on this machine, in this run, on as many processes as the
  // platform (issue 22). It keeps running (idle) so that scenarios can measure it again beside
  // their own figures.
  const baseline = await runLoad({ url: await baselineUrl(BASELINE_PROCESSES), durationSeconds });
  baselines.push(baseline.requestsPerSecond);
  results.push({
    scenario: 'baseline',
    ...baseline,
    processes: BASELINE_PROCESSES,
    baselineProcesses: BASELINE_PROCESSES,
  });
  console.log(
    `baseline: ${baseline.requestsPerSecond} req/s, p99 ${baseline.p99Ms} ms on ${BASELINE_PROCESSES} process(es) (load client: ${LOAD_CLIENT})`,
  );

  const datasets = new Map<string, ReturnType<typeof generateDataset>>();
  const ctx: ScenarioContext = {
    work,
    durationSeconds,
    baseline,
    async measureBaseline(processes = BASELINE_PROCESSES) {
      const fresh = !baselineServers.has(processes);
      // Warm already (a baseline started just now gets the usual warm-up); half the scenario's time
      // is plenty for a constant answer.
      const again = await runLoad({
        url: await baselineUrl(processes),
        durationSeconds: Math.max(1, Math.round(durationSeconds / 2)),
        ...(!fresh && { warmupSeconds: 0 }),
      });
      if (processes === BASELINE_PROCESSES) baselines.push(again.requestsPerSecond);
      return { ...again, processes };
    },
    startPlatform,
    dataset(scale) {
      let made = datasets.get(scale);
      // BENCH_DATA_LARGE / BENCH_DATA_SMALL: a data dir generated earlier (by a run or `npm run cli -- generate`), reused.
      const kept = process.env[`BENCH_DATA_${scale.toUpperCase()}`];
      if (!made && kept) made = Promise.resolve(reuseDataset(kept));
      if (!made) {
        console.log(`  generating ${scale} data …`);
        made = generateDataset(work, scale);
        datasets.set(scale, made);
      }
      return made;
    },
  };
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) continue;
    console.log(`running ${name} …`);
    const started = performance.now();
    for (const result of await scenario(ctx)) {
      // A figure that does not say otherwise ran on the platform's processes, against the run's baseline.
      if (result.requestsPerSecond !== undefined) {
        result.processes ??= PLATFORM_PROCESSES;
        result.baselineProcesses ??= BASELINE_PROCESSES;
      }
      results.push(result);
      console.log(`  ${result.scenario}: ${JSON.stringify({ ...result, scenario: undefined })}`);
    }
    console.log(`  (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  results.push(...growth(results));
  results.push({
    scenario: 'machine speed',
    note: `fixed CPU work (scrypt N=2^14): ${speedAtStart} ms at the start, ${machineSpeed()} ms at the end (lower is faster)`,
  });
  if (baselines.length > 1) {
    const sorted = [...baselines].sort((a, b) => a - b);
    results.push({
      scenario: 'baseline spread',
      note: `${sorted.length} measurements in this run: min ${sorted[0]}, median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)} req/s`,
    });
  }
} finally {
  await Promise.all(
    [...baselineServers.values()].map((server) => server.then((s) => s.stop()).catch(() => undefined)),
  );
  rmSync(work, { recursive: true, force: true });
}

const firstBaselineRps = results[0]?.requestsPerSecond ?? 0;
const table = results.map((r) => ({
  scenario: r.scenario,
  'req/s': r.requestsPerSecond ?? '',
  // Compared with the baseline measured beside the figure where there is one, else the first.
  'baseline req/s': r.requestsPerSecond ? (r.baselineRps ?? firstBaselineRps) : '',
  'vs baseline': r.requestsPerSecond
    ? `${((100 * r.requestsPerSecond) / (r.baselineRps ?? firstBaselineRps)).toFixed(1)} %`
    : '',
  // Server processes: the figure's / its baseline's.
  processes: r.processes ? `${r.processes} / ${r.baselineProcesses ?? BASELINE_PROCESSES}` : '',
  'p50 ms': r.p50Ms ?? '',
  'p99 ms': r.p99Ms ?? '',
  other: r.note ?? '',
  target: r.target ?? '',
  met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
}));
console.table(table);

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  durationSeconds,
  loadClient: LOAD_CLIENT,
  // Server processes of the platform under test and of the bare baseline it is compared with.
  platformProcesses: PLATFORM_PROCESSES,
  baselineProcesses: BASELINE_PROCESSES,
  results,
};
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, 'bench/results', `bench-${report.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`results written to ${path.relative(ROOT, file)}`);
