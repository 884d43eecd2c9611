import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { createLogger } from './logger.ts';
import { getStandings } from './modules/networks/index.ts';
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

describe.each(DIALECTS)('admin CLI on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('prints help for the CLI and for every command', async () => {
    const main = io(database.env);
    expect(await runCli(['--help'], main.io)).toBe(0);
    for (const name of ['create-admin', 'migrate', 'backup', 'seed-demo']) {
      expect(main.out.join('\n')).toContain(name);
      const sub = io(database.env);
      expect(await runCli([name, '--help'], sub.io)).toBe(0);
      expect(sub.out.join('\n')).toContain('Usage: npm run cli --');
    }
    const unknown = io(database.env);
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err.join('\n')).toContain('Unknown command "frobnicate"');
  });

  it('migrates, then reports the database up to date', async () => {
    const first = io(database.env);
    expect(await runCli(['migrate'], first.io)).toBe(0);
    expect(first.out.join('\n')).toContain('applied 2026-11-27T0600-create-users');
    const second = io(database.env);
    expect(await runCli(['migrate'], second.io)).toBe(0);
    expect(second.out).toEqual(['Database is up to date.']);
  });

  it('creates an admin, refuses weak passwords and bad addresses, promotes existing accounts', async () => {
    const weak = io(database.env);
    expect(
      await runCli(['create-admin', '--email', 'boss@example.org', '--password', 'password1'], weak.io),
    ).toBe(2);
    expect(weak.err.join()).toContain('too weak');
    const bad = io(database.env);
    expect(await runCli(['create-admin', '--email', 'nope'], bad.io)).toBe(2);

    const ok = io(database.env);
    const args = [
      'create-admin',
      '--email',
      'Boss@Example.org',
      '--name',
      'Boss',
      '--password',
      'granite-lotus-parade',
    ];
    expect(await runCli(args, ok.io)).toBe(0);
    expect(ok.out[0]).toBe('Created platform admin boss@example.org.');
    const generated = io(database.env);
    expect(await runCli(['create-admin', '--email', 'second@example.org'], generated.io)).toBe(0);
    expect(generated.out.join('\n')).toMatch(/Generated password \(shown once\): \S{12,}/);
    const again = io(database.env);
    expect(await runCli(['create-admin', '--email', 'boss@example.org'], again.io)).toBe(0);
    expect(again.out[0]).toContain('now a platform admin');
  });

  it('seeds fictional demo accounts idempotently', async () => {
    const first = io(database.env);
    expect(await runCli(['seed-demo'], first.io)).toBe(0);
    expect(first.out[0]).toMatch(/Demo data ready: 11 new of 11/);
    expect(first.out.join('\n')).toContain('@demo.example.org');
    expect(first.out.join('\n')).toContain('demo-mentors-musterstadt');
    const check = createContext(
      loadConfig({ ...database.env, LOG_LEVEL: 'silent' }),
      createLogger({ logLevel: 'silent' }),
    );
    const db = check.database.db;
    const networks = await db
      .selectFrom('networks')
      .select(['id', 'slug', 'visibility'])
      .orderBy('slug')
      .execute();
    expect(networks.map((n) => n.slug)).toEqual(['demo-mentors-musterstadt', 'demo-rete-mentori']);
    expect(await db.selectFrom('organisations').select('slug').execute()).toHaveLength(2);
    const roles = await db
      .selectFrom('memberships')
      .select(['role', 'userId', 'networkId'])
      .where('status', '=', 'active')
      .execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['meta_mentor', 'office', 'mentor']));
    const standings = await getStandings(
      check,
      roles.map((r) => r.userId),
    );
    for (const r of roles) {
      const here = standings.get(r.userId)?.find((s) => s.networkId === r.networkId);
      expect(here?.acceptedCurrent).toBe(true);
    }
    // Fictional conversations: discussions in the networks and direct messages between members.
    const count = async (table: 'posts' | 'messages') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('posts')).toBeGreaterThan(5);
    // Seven in the demo conversations, two between the demo buddies.
    expect(await count('messages')).toBe(9);
    await check.close();

    const second = io(database.env);
    await runCli(['seed-demo'], second.io);
    expect(second.out[0]).toMatch(/Demo data ready: 0 new of 11/);
  });

  it('backs up SQLite online into one archive, and points PostgreSQL users to pg_dump and --files-only', async () => {
    const target = path.join(database.dataDir, 'backups', 'copy.tar.gz');
    const run = io(database.env);
    const code = await runCli(['backup', target], run.io);
    if (dialect === 'postgres') {
      expect(code).toBe(2);
      expect(run.err.join()).toContain('pg_dump');
      expect(run.err.join()).toContain('--files-only');
      return;
    }
    expect(code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(run.out.join()).toMatch(/database with \d+ rows/);
    const missing = io(database.env);
    expect(await runCli(['backup'], missing.io)).toBe(2);
  });
});
