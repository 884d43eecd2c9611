import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { buildUser } from '../test/factories.ts';
import { precompiled, rowMaker } from './precompiled.ts';

const usersByName = precompiled(
  (db, p: { prefix: string; exclude: string; newestFirst: boolean; limit: number }) =>
    db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('displayName', 'like', p.prefix)
      .where('id', '!=', p.exclude)
      .orderBy('displayName', p.newestFirst ? 'desc' : 'asc')
      .limit(p.limit),
  { values: ['prefix', 'exclude', 'limit'] },
);

const usersByIds = precompiled(
  (db, p: { ids: string[] }) =>
    db.selectFrom('users').select('displayName').where('id', 'in', p.ids).orderBy('displayName'),
  { values: [], lists: ['ids'] },
);

const usersAfter = precompiled(
  (db, p: { prefix: string; after: string | undefined }) => {
    let query = db.selectFrom('users').select('displayName').where('displayName', 'like', p.prefix);
    if (p.after !== undefined) query = query.where('displayName', '>', p.after);
    return query.orderBy('displayName');
  },
  { values: ['prefix', 'after'] },
);

describe.each(DIALECTS)('precompiled queries on %s', (dialect) => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const name of [
      'Precompiled Ada',
      'Precompiled Bea',
      'Precompiled Cem',
      'Precompiled Dan',
      'Other Eli',
    ]) {
      ids.push((await buildUser(t.ctx, { displayName: name })).id);
    }
  });
  afterAll(() => t.close());

  it('runs with new values each time and keeps one compiled query per shape', async () => {
    const db = t.ctx.database.db;
    const names = async (params: Parameters<typeof usersByName>[1]) =>
      (await usersByName(db, params)).map((r) => r.displayName);
    expect(await names({ prefix: 'Precompiled%', exclude: '', newestFirst: false, limit: 2 })).toEqual([
      'Precompiled Ada',
      'Precompiled Bea',
    ]);
    expect(
      await names({ prefix: 'Precompiled%', exclude: ids[0] ?? '', newestFirst: false, limit: 10 }),
    ).toEqual(['Precompiled Bea', 'Precompiled Cem', 'Precompiled Dan']);
    // The flag is a shape: the other order is its own compiled query.
    expect(await names({ prefix: 'Precompiled%', exclude: '', newestFirst: true, limit: 1 })).toEqual([
      'Precompiled Dan',
    ]);
    expect(await names({ prefix: 'Other%', exclude: '', newestFirst: false, limit: 5 })).toEqual([
      'Other Eli',
    ]);
  });

  it('pads lists to a few fixed lengths without changing the answer', async () => {
    const db = t.ctx.database.db;
    for (let n = 1; n <= ids.length; n++) {
      const rows = await usersByIds(db, { ids: ids.slice(0, n) });
      expect(rows).toHaveLength(n);
    }
    await expect(usersByIds(db, { ids: [] })).rejects.toThrow(/must not be empty/);
  });

  it('compiles an optional value left undefined as its own shape', async () => {
    const db = t.ctx.database.db;
    const names = async (after: string | undefined) =>
      (await usersAfter(db, { prefix: 'Precompiled%', after })).map((r) => r.displayName);
    expect(await names(undefined)).toHaveLength(4);
    expect(await names('Precompiled Bea')).toEqual(['Precompiled Cem', 'Precompiled Dan']);
    expect(await names(undefined)).toHaveLength(4);
  });

  it('refuses a value that does not reach the SQL as a bound parameter', async () => {
    const inlined = precompiled(
      (db, p: { column: string }) => db.selectFrom('users').select(sql.ref(p.column).as('x')),
      { values: ['column'] },
    );
    await expect(inlined(t.ctx.database.db, { column: 'id' })).rejects.toThrow(/not a bound parameter/);
  });
});

describe('rowMaker', () => {
  it('builds each row as an object with the columns as keys, in order', () => {
    const toRow = rowMaker(['id', 'displayName', 'quote"d', 'id']);
    expect(toRow(['u1', 'Ada', 'x', 'u2'])).toEqual({ id: 'u2', displayName: 'Ada', 'quote"d': 'x' });
    expect(Object.keys(toRow([1, 2, 3, 4]))).toEqual(['id', 'displayName', 'quote"d']);
  });

  it('treats names as data, never as code, and refuses __proto__', () => {
    const toRow = rowMaker(['a"}); throw new Error("ran"); ({"b']);
    expect(toRow([1])).toEqual({ 'a"}); throw new Error("ran"); ({"b': 1 });
    expect(() => rowMaker(['__proto__'])).toThrow(/__proto__/);
  });
});
