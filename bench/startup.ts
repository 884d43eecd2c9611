// Startup to ready on SQLite: wall time from spawning the built server (as `npm start` runs it, with
// `WORKERS` as in every benchmark, see lib/processes.ts) until it reports that every server process
// serves. Runs a fresh data dir (migrations applied) and an existing one, several times each.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { BENCH_WORKERS, startPlatform } from './lib/processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..');

async function startOnce(dataDir: string): Promise<number> {
  const server = await startPlatform(dataDir);
  await server.stop();
  return server.readyMs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const fresh: number[] = [];
const existing: number[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-bench-'));
for (let i = 0; i < RUNS; i++) {
  const dataDir = path.join(dir, `fresh-${i}`);
  fresh.push(await startOnce(dataDir));
  existing.push(await startOnce(dataDir));
}
rmSync(dir, { recursive: true, force: true });

const result = {
  scenario: 'startup-sqlite',
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  runs: RUNS,
  serverProcesses: Number(BENCH_WORKERS),
  freshMedianMs: Math.round(median(fresh)),
  freshMaxMs: Math.round(Math.max(...fresh)),
  existingMedianMs: Math.round(median(existing)),
  existingMaxMs: Math.round(Math.max(...existing)),
  targetMs: 2000,
};
console.table([result]);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, `bench/results/startup-${Date.now()}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
if (result.freshMaxMs > result.targetMs || result.existingMaxMs > result.targetMs) {
  console.error(`startup above the ${result.targetMs} ms target`);
  process.exitCode = 1;
}
