import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBaseline } from './lib/processes.ts';

// The benchmark itself is not run by CI (it takes minutes and its figures need a quiet machine).
// This runs the harness once at the small scale with one-second loads, so that it cannot rot.
const root = path.resolve(import.meta.dirname, '..');

describe('benchmark harness (smoke)', () => {
  it('runs the read scenarios at the small scale and writes a results file', () => {
    const before = new Set(safeList());
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'reads-small'], {
      cwd: root,
      env: { ...process.env, BENCH_DURATION: '1', BENCH_WARMUP: '1', TEST_DIALECTS: undefined },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const fresh = safeList().filter((f) => !before.has(f) && f.startsWith('bench-'));
    expect(fresh).toHaveLength(1);
    const report = JSON.parse(readFileSync(path.join(root, 'bench/results', fresh[0] as string), 'utf8'));
    expect(report).toMatchObject({ node: process.version, cpus: expect.any(Number) });
    // Issue 22: the baseline runs as many server processes as the platform it is compared with.
    expect(report.platformProcesses).toBe(Number(process.env.BENCH_WORKERS ?? availableParallelism()));
    expect(report.baselineProcesses).toBe(report.platformProcesses);
    const names = report.results.map((r: { scenario: string }) => r.scenario);
    expect(names).toEqual(
      expect.arrayContaining([
        'baseline',
        'topic-list (small)',
        'topic-replies (small)',
        'message-history (small)',
        'notifications (small)',
        'search (small)',
        'baseline spread',
        'machine speed',
      ]),
    );
    for (const r of report.results) {
      expect(r.note ?? '', r.scenario).not.toMatch(/skipped/);
      if (r.scenario === 'baseline spread' || r.scenario === 'machine speed') continue;
      // Each read figure is compared with the baseline measured beside it.
      if (r.scenario.endsWith('(small)')) expect(r.baselineRps, r.scenario).toBeGreaterThan(0);
      expect(r.requestsPerSecond, r.scenario).toBeGreaterThan(0);
      expect(r.non2xx ?? 0, r.scenario).toBe(0);
      expect([r.processes, r.baselineProcesses], r.scenario).toEqual([
        report.platformProcesses,
        report.platformProcesses,
      ]);
    }
  }, 300_000);

  it("runs the baseline in the platform's cluster setup, every process answering on one port", async () => {
    const baseline = await startBaseline(undefined, 2);
    const url = `http://127.0.0.1:${baseline.port}/`;
    try {
      expect(baseline.processes).toBe(2);
      expect(baseline.ready).toMatch(/\(2 process/);
      // The supervisor has two server processes beside it (as the platform's has with WORKERS=2).
      const children = spawnSync('pgrep', ['-P', String(baseline.child.pid)], { encoding: 'utf8' });
      if (!children.error) expect(children.stdout.trim().split('\n')).toHaveLength(2);
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.json())));
      expect(answers).toEqual(Array.from({ length: 20 }, () => ({ hello: 'world' })));
    } finally {
      await baseline.stop();
    }
    expect(baseline.child.exitCode).toBe(0);
    // No server process outlives the supervisor: nothing listens on the port any more.
    await expect(fetch(url)).rejects.toThrow();
  }, 120_000);
});

function safeList(): string[] {
  try {
    return readdirSync(path.join(root, 'bench/results'));
  } catch {
    return [];
  }
}
