import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { backoffMs } from './job-queue.ts';
import { listJobs } from './jobs.service.ts';

describe('backoff', () => {
  it('doubles from 15 s and stops at one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });
});

describe.each(DIALECTS)('job queue on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('runs due jobs, retries failures and gives up after max attempts', async () => {
    const seen: unknown[] = [];
    t.ctx.jobs.handle('test.ok', async (payload) => {
      seen.push(payload);
    });
    t.ctx.jobs.handle('test.fail', async () => {
      throw new Error('always fails');
    });
    await t.ctx.jobs.enqueue('test.ok', { n: 1 });
    await t.ctx.jobs.enqueue('test.fail', {}, { maxAttempts: 2 });
    await t.ctx.jobs.enqueue('test.ok', { n: 2 }, { runAt: new Date(Date.now() + 60_000).toISOString() });
    expect(await t.ctx.jobs.drain()).toBe(2);
    expect(seen).toEqual([{ n: 1 }]);

    const db = t.ctx.database.db;
    await db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1).toISOString() })
      .where('kind', '=', 'test.fail')
      .execute();
    expect(await t.ctx.jobs.drain()).toBe(1);
    const [failed] = await listJobs(t.ctx, 'test.fail');
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: 'always fails' });
  });

  it('takes back a job whose worker died (expired lock)', async () => {
    const seen: string[] = [];
    t.ctx.jobs.handle('test.crash', async () => {
      seen.push('ran');
    });
    const id = await t.ctx.jobs.enqueue('test.crash', {});
    const past = new Date(Date.now() - 1000).toISOString();
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ status: 'running', lockedUntil: past, attempts: 1 })
      .where('id', '=', id)
      .execute();
    expect(await t.ctx.jobs.drain()).toBe(1);
    expect(seen).toEqual(['ran']);
  });

  it('the background worker picks up a new job at once', async () => {
    const done = new Promise<unknown>((resolve) => t.ctx.jobs.handle('test.live', async (p) => resolve(p)));
    t.ctx.jobs.start();
    await t.ctx.jobs.enqueue('test.live', { live: true });
    await expect(done).resolves.toEqual({ live: true });
    await t.ctx.jobs.stop();
  });
});
