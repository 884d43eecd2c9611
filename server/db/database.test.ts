import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';

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
