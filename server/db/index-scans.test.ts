import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/build-app.ts';
import { createDatabase, type Database } from './database.ts';
import { withoutBitmapScans } from './index-scans.ts';

describe.skipIf(!DIALECTS.includes('postgres'))('reads planned without bitmap scans on PostgreSQL', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    database = createDatabase({ databaseUrl: testDb.env.DATABASE_URL, dataDir: testDb.dataDir });
  });
  afterAll(async () => {
    await database.destroy();
    await testDb.drop();
  });

  const setting = async (db: Database['db']) =>
    (await sql<{ on: string }>`select current_setting('enable_bitmapscan') as on`.execute(db)).rows[0]?.on;

  it('turns bitmap scans off for the read only, on its own or inside a transaction', async () => {
    const db = database.db;
    expect(await withoutBitmapScans(db, setting)).toBe('off');
    expect(await setting(db)).toBe('on');
    const inside = await db.transaction().execute(async (tx) => {
      const during = await withoutBitmapScans(tx, setting);
      return [during, await setting(tx)];
    });
    expect(inside).toEqual(['off', 'on']);
    // A failed read leaves nothing behind either.
    await expect(
      withoutBitmapScans(db, async () => {
        throw new Error('read failed');
      }),
    ).rejects.toThrow('read failed');
    expect(await setting(db)).toBe('on');
  });
});
