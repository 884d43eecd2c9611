// Startup to ready on SQLite: wall time from spawning `node --import tsx server/main.ts` until /readyz
// answers 200. Runs a fresh data dir (migrations applied) and an existing one, several times each.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..');

async function waitReady(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('server not ready within the deadline');
}

async function startOnce(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    await waitReady(port, Date.now() + 30_000);
    return performance.now() - started;
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const fresh: number[] = [];
const existing: number[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-bench-'));
for (let i = 0; i < RUNS; i++) {
  const dataDir = path.join(dir, `fresh-${i}`);
  fresh.push(await startOnce(dataDir, 39_100 + i));
  existing.push(await startOnce(dataDir, 39_200 + i));
}
rmSync(dir, { recursive: true, force: true });

const result = {
  scenario: 'startup-sqlite',
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  runs: RUNS,
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
