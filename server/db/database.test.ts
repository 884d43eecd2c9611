import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { createDatabase, limitAsExpression } from './database.ts';

describe.each(DIALECTS)('database on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lower-cases every script, not only A–Z, so searches work in all languages', async () => {
    const { rows } = await sql<{ v: string }>`select lower(${'ОЛЕНА Ελένη ÄRZTIN Ünal'}) as v`.execute(
      t.ctx.database.db,
    );
    expect(rows[0]?.v).toBe('олена ελένη ärztin ünal');
  });
});

describe('SQLite file shared by several processes', () => {
  it('a transaction that reads before it writes succeeds while another process keeps writing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-db-'));
    const database = createDatabase({ databaseUrl: undefined, dataDir: dir });
    const { db } = database;
    await sql`create table counters (name text primary key, value integer not null)`.execute(db);
    await sql`insert into counters values ('ours', 0), ('theirs', 0)`.execute(db);
    // Another process (a second server process, the CLI) writes to the same file for a while.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.pragma('busy_timeout = 5000');
         const bump = db.prepare("update counters set value = value + 1 where name = 'theirs'");
         const end = Date.now() + 1500;
         while (Date.now() < end) bump.run();
         process.stdout.write('done');`,
        path.join(dir, 'mentornet.sqlite'),
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const finished = new Promise<number | null>((resolve) => writer.once('exit', resolve));
    try {
      let done = 0;
      const until = Date.now() + 1000;
      while (Date.now() < until) {
        await db.transaction().execute(async (trx) => {
          const { rows } = await sql<{
            value: number;
          }>`select value from counters where name = 'ours'`.execute(trx);
          await new Promise((r) => setTimeout(r, 1));
          await sql`update counters set value = ${(rows[0]?.value ?? 0) + 1} where name = 'ours'`.execute(
            trx,
          );
        });
        done++;
      }
      expect(await finished).toBe(0);
      const { rows } = await sql<{ name: string; value: number }>`select name, value from counters`.execute(
        db,
      );
      expect(rows.find((r) => r.name === 'ours')?.value).toBe(done);
      expect(rows.find((r) => r.name === 'theirs')?.value).toBeGreaterThan(0);
    } finally {
      writer.kill();
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite statements', () => {
  it('write a bound LIMIT and OFFSET as expressions, so that SQLite keeps the prepared plan', () => {
    expect(limitAsExpression('select "id" from "users" order by "id" limit ?')).toBe(
      'select "id" from "users" order by "id" limit ? + 0',
    );
    expect(limitAsExpression('select "id" from "users" limit ? offset ?')).toBe(
      'select "id" from "users" limit ? + 0 offset ? + 0',
    );
    expect(limitAsExpression('SELECT id FROM ranked ORDER BY score\n  LIMIT ?\n  OFFSET ?)')).toBe(
      'SELECT id FROM ranked ORDER BY score\n  LIMIT ? + 0\n  OFFSET ? + 0)',
    );
    expect(limitAsExpression('select id from t limit ? + 0 offset ? + 0')).toBe(
      'select id from t limit ? + 0 offset ? + 0',
    );
    expect(limitAsExpression('select 1 limit 5')).toBe('select 1 limit 5');
    expect(limitAsExpression('select "limited" from "t" where "offset" = ?')).toBe(
      'select "limited" from "t" where "offset" = ?',
    );
  });

  it('page through raw SQL with its LIMIT and OFFSET rewritten, one page after the other', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-limit-'));
    const database = createDatabase({ databaseUrl: undefined, dataDir: dir });
    try {
      const { db } = database;
      await sql`CREATE TABLE numbers (n INTEGER PRIMARY KEY)`.execute(db);
      await sql`INSERT INTO numbers (n) VALUES (1), (2), (3), (4), (5)`.execute(db);
      const page = async (limit: number, offset: number) =>
        (
          await sql<{ n: number }>`SELECT n FROM numbers ORDER BY n
            LIMIT ${limit}
            OFFSET ${offset}`.execute(db)
        ).rows.map((row) => row.n);
      expect(await page(2, 0)).toEqual([1, 2]);
      expect(await page(2, 3)).toEqual([4, 5]);
      expect(await page(1, 1)).toEqual([2]);
      expect(
        await db
          .selectFrom('numbers' as never)
          .select(sql<number>`n`.as('n'))
          .limit(2)
          .offset(4)
          .execute(),
      ).toEqual([{ n: 5 }]);
    } finally {
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
