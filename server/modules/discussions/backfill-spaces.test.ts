import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as backfillDefaultSpaces } from '../../db/migrations/2026-11-27T1001-backfill-default-spaces.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildNetwork } from '../../test/factories.ts';

describe.each(DIALECTS)('default spaces backfill on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives networks without spaces the three defaults and leaves the others alone', async () => {
    const db = t.ctx.database.db;
    const old = await buildNetwork(t.ctx);
    const current = await buildNetwork(t.ctx);
    // A network from before discussions existed has no spaces.
    await db.deleteFrom('spaces').where('networkId', '=', old.id).execute();
    await db
      .updateTable('spaces')
      .set({ name: 'Kept as it was' })
      .where('networkId', '=', current.id)
      .where('key', '=', 'ideas')
      .execute();

    await backfillDefaultSpaces(db as unknown as Kysely<unknown>);

    const spaces = await db
      .selectFrom('spaces')
      .select(['networkId', 'key', 'name', 'position', 'id'])
      .where('networkId', 'in', [old.id, current.id])
      .orderBy('networkId')
      .orderBy('position')
      .execute();
    const of = (id: string) => spaces.filter((s) => s.networkId === id);
    expect(of(old.id).map((s) => [s.key, s.name, s.position])).toEqual([
      ['ideas', null, 0],
      ['experiences', null, 1],
      ['questions', null, 2],
    ]);
    expect(of(old.id).every((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/.test(s.id))).toBe(true);
    expect(of(current.id)).toHaveLength(3);
    expect(of(current.id)[0]?.name).toBe('Kept as it was');
  });
});
