import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
    }
  }, 300_000);
});

function safeList(): string[] {
  try {
    return readdirSync(path.join(root, 'bench/results'));
  } catch {
    return [];
  }
}
