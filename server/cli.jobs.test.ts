import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { loadConfig } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { createLogger } from './logger.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './test/build-app.ts';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      env: { LOG_LEVEL: 'silent', PASSWORD_HASH_COST: 'low', ...env },
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

describe.each(DIALECTS)('failed and stuck jobs in the CLI on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    expect(await runCli(['migrate'], io(database.env).io)).toBe(0);
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://mentornet.test', ...database.env });
    ctx = createContext(config, createLogger(config));
  });
  afterAll(async () => {
    await ctx.close();
    await database.drop();
  });

  it('lists failed jobs mail first with their error, retries one and drops another', async () => {
    ctx.jobs.handle('test.broken', async () => {
      throw new Error('broken on purpose');
    });
    ctx.jobs.handle('mail.send', async () => {
      throw new Error('SMTP said no');
    });
    const broken = await ctx.jobs.enqueue('test.broken', {}, { maxAttempts: 1 });
    const mail = await ctx.jobs.enqueue('mail.send', {}, { maxAttempts: 1 });
    const stuck = await ctx.jobs.enqueue(
      'test.waiting',
      {},
      { runAt: new Date(Date.now() - 3_600_000).toISOString() },
    );
    ctx.jobs.handle('test.waiting', async () => {});
    // Only the two failing ones run now (the waiting one has no worker in this test until later).
    await ctx.database.db
      .updateTable('jobs')
      .set({ status: 'running', lockedUntil: new Date(Date.now() + 60_000).toISOString() })
      .where('id', '=', stuck)
      .execute();
    await ctx.jobs.drain();
    await ctx.database.db
      .updateTable('jobs')
      .set({ status: 'pending', lockedUntil: null })
      .where('id', '=', stuck)
      .execute();

    const list = io(database.env);
    expect(await runCli(['jobs', 'list'], list.io)).toBe(0);
    expect(list.out).toHaveLength(2);
    expect(list.out[0]).toContain(`${mail}  mail.send  failed  attempts 1/1`);
    expect(list.out[0]).toContain('SMTP said no');
    expect(list.out[1]).toContain(`${broken}  test.broken  failed`);

    const stuckList = io(database.env);
    expect(await runCli(['jobs', 'list', '--state', 'stuck'], stuckList.io)).toBe(0);
    expect(stuckList.out.join('\n')).toContain(`${stuck}  test.waiting  pending`);

    const retry = io(database.env);
    expect(await runCli(['jobs', 'retry', mail], retry.io)).toBe(0);
    expect(retry.out).toEqual([`Job ${mail} queued again.`]);
    const row = await ctx.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', mail)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });

    const drop = io(database.env);
    expect(await runCli(['jobs', 'drop', broken], drop.io)).toBe(0);
    const gone = io(database.env);
    expect(await runCli(['jobs', 'drop', broken], gone.io)).toBe(1);
    expect(gone.err.join('\n')).toContain(`No job ${broken}`);

    const after = io(database.env);
    expect(await runCli(['jobs', 'list'], after.io)).toBe(0);
    expect(after.out).toEqual(['No failed jobs.']);
    expect(await runCli(['jobs', 'list', '--state', 'nonsense'], io(database.env).io)).toBe(2);
  });
});
