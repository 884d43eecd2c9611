import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/build-app.ts';
import { createDatabase, type Database } from './database.ts';

const DATABASE_MODULE = path.join(import.meta.dirname, 'database.ts');

describe.skipIf(!DIALECTS.includes('postgres'))('PostgreSQL sessions of a server process that dies', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    database = createDatabase({ databaseUrl: testDb.env.DATABASE_URL, dataDir: testDb.dataDir });
    await sql`create table probe (id integer primary key, n integer not null)`.execute(database.db);
    await sql`insert into probe values (1, 0)`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
    await testDb.drop();
  });

  it('gives every pooled connection the settings that end a dead client’s session, no JIT and UTC', async () => {
    const { rows } = await sql<{ check: string; idle: string; keepalive: string; jit: string; zone: string }>`
      select current_setting('client_connection_check_interval') as check,
             current_setting('idle_in_transaction_session_timeout') as idle,
             current_setting('tcp_keepalives_idle') as keepalive,
             current_setting('jit') as jit,
             current_setting('timezone') as zone`.execute(database.db);
    expect(rows).toEqual([{ check: '1s', idle: '1min', keepalive: '10', jit: 'off', zone: 'UTC' }]);
  });

  it('writes timestamps in UTC, read back as the ISO strings the application stores', async () => {
    const { rows } = await sql<{ at: string; text: string }>`
      select timestamptz '2026-03-29 03:30:00.123456+02' as at,
             (timestamptz '2026-03-29 03:30:00.123456+02')::text as text`.execute(database.db);
    expect(rows).toEqual([{ at: '2026-03-29T01:30:00.123Z', text: '2026-03-29 01:30:00.123456+00' }]);
  });

  it('releases the row locks of a process killed in the middle of a statement within seconds', async () => {
    // Another server process: locks the row in a transaction, then runs a 30-second statement.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { createDatabase } = await import(${JSON.stringify(DATABASE_MODULE)});
         const { sql } = await import('kysely');
         const { db } = createDatabase({ databaseUrl: process.argv[1], dataDir: process.argv[2] });
         await db.transaction().execute(async (trx) => {
           await sql\`update probe set n = n + 1 where id = 1\`.execute(trx);
           process.stdout.write('locked');
           await sql\`select pg_sleep(30)\`.execute(trx);
         });`,
        testDb.env.DATABASE_URL as string,
        testDb.dataDir,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => String(chunk).includes('locked') && resolve());
        child.once('exit', (code) => reject(new Error(`the locking process exited (${code})`)));
      });
      const waiting = sql`update probe set n = n + 1 where id = 1`.execute(database.db);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const killedAt = performance.now();
      child.kill('SIGKILL');
      await waiting;
      // Without client_connection_check_interval the lock stays until the statement's 30 s are over.
      expect(performance.now() - killedAt).toBeLessThan(5_000);
      const { rows } = await sql<{ n: number }>`select n from probe where id = 1`.execute(database.db);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);
});
