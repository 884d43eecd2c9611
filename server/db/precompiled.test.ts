import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { buildUser } from '../test/factories.ts';
import { jsonRowsSql, precompiled, rowMaker } from './precompiled.ts';

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

/** Named columns, an alias, an expression, integers and nulls: read value by value, or as JSON rows. */
function usersWithFlags(jsonRows: boolean) {
  return precompiled(
    (db, p: { prefix: string; viewer: string }) =>
      db
        .selectFrom('users as u')
        .select((eb) => eb.case().when('u.id', '=', p.viewer).then(eb.ref('u.email')).end().as('ownEmail'))
        .select(['u.id', 'u.displayName as name', 'u.isPlatformAdmin', 'u.suspendedAt'])
        .where('u.displayName', 'like', p.prefix)
        .orderBy('u.displayName'),
    { values: ['prefix', 'viewer'], jsonRows },
  );
}

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

  it('reads rows as JSON arrays (SQLite) with the same keys and values as column by column', async () => {
    const db = t.ctx.database.db;
    // Text JSON must escape on the way: quotes, backslashes, control characters, other scripts.
    await buildUser(t.ctx, { displayName: 'Precompiled Zoë "q" \\ \n\t\u0001 Олена مرحبا 🙂' });
    const viewer = ids[1] ?? '';
    const plain = await usersWithFlags(false)(db, { prefix: 'Precompiled%', viewer });
    const json = await usersWithFlags(true)(db, { prefix: 'Precompiled%', viewer });
    expect(json).toEqual(plain);
    expect(json).toHaveLength(5);
    expect(json.find((r) => r.id === viewer)?.ownEmail).toMatch(/@/);
    expect(json[0]).toEqual({
      ownEmail: null,
      id: ids[0],
      name: 'Precompiled Ada',
      isPlatformAdmin: 0,
      suspendedAt: null,
    });
    expect(json.at(-1)?.name).toBe('Precompiled Zoë "q" \\ \n\t\u0001 Олена مرحبا 🙂');
    if (dialect === 'sqlite') {
      const query = db
        .selectFrom('users as u')
        .select(['u.id', 'u.displayName as name'])
        .where('u.id', '=', ids[0] ?? '');
      const jsonSql = jsonRowsSql(db, query, query.compile()) ?? '';
      expect(jsonSql).toMatch(/^select json_array\("u"\."id", "u"\."display_name"\) as "json_row" from/);
      const { rows } = await db.executeQuery<{ jsonRow: string }>({
        ...query.compile(),
        sql: jsonSql,
      } as CompiledQuery<{ jsonRow: string }>);
      expect(rows.map((r) => JSON.parse(r.jsonRow))).toEqual([[ids[0], 'Precompiled Ada']]);
      // Without a name for each value (selectAll) a query cannot be read so.
      const all = db.selectFrom('users').selectAll();
      expect(jsonRowsSql(db, all, all.compile())).toBeUndefined();
      const everything = precompiled((db, _: { n: number }) => db.selectFrom('users').selectAll(), {
        values: [],
        jsonRows: true,
      });
      await expect(everything(db, { n: 1 })).rejects.toThrow(/jsonRows needs a named value per column/);
    }
  });

  it('answers through its reader (rows as arrays) exactly as through Kysely inside a transaction', async () => {
    const db = t.ctx.database.db;
    const everything = precompiled(
      (on, p: { prefix: string }) =>
        on
          .selectFrom('users as u')
          .selectAll('u')
          .select((eb) => [
            eb.fn.countAll<number>().over().as('total'),
            eb
              .case()
              .when('u.suspendedAt', 'is', null)
              .then(eb.val('active'))
              .else(eb.val('suspended'))
              .end()
              .as('state'),
          ])
          .where('u.displayName', 'like', p.prefix)
          .orderBy('u.displayName'),
      { values: ['prefix'] },
    );
    const read = await everything(db, { prefix: 'Precompiled%' });
    const throughKysely = await db.transaction().execute((tx) => everything(tx, { prefix: 'Precompiled%' }));
    expect(read).toEqual(throughKysely);
    expect(read.length).toBeGreaterThanOrEqual(4);
    expect(read[0]).toMatchObject({ displayName: 'Precompiled Ada', suspendedAt: null, state: 'active' });
    expect(read[0]?.total).toBe(read.length);
    expect(read[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(read[0] ?? {})).toEqual(Object.keys(throughKysely[0] ?? {}));
  });

  it('refuses a value that does not reach the SQL as a bound parameter', async () => {
    const inlined = precompiled(
      (db, p: { column: string }) => db.selectFrom('users').select(sql.ref(p.column).as('x')),
      { values: ['column'] },
    );
    await expect(inlined(t.ctx.database.db, { column: 'id' })).rejects.toThrow(/not a bound parameter/);
  });

  it('runs a query marked withoutBitmapScans with bitmap scans off (PostgreSQL), compiled once', async () => {
    const db = t.ctx.database.db;
    const build = vi.fn((on: typeof db, p: { id: string }) =>
      on
        .selectFrom('users')
        .select([
          'displayName',
          // SQLite has no such setting: the read runs as it is.
          (dialect === 'postgres'
            ? sql<string | null>`current_setting('enable_bitmapscan', true)`
            : sql<string | null>`null`
          ).as('bitmapScans'),
        ])
        .where('id', '=', p.id),
    );
    const read = precompiled(build, { values: ['id'], withoutBitmapScans: true });
    for (const id of ids.slice(0, 3)) {
      const [row] = await read(db, { id });
      expect(row?.displayName).toMatch(/^Precompiled /);
      expect(row?.bitmapScans).toBe(dialect === 'postgres' ? 'off' : null);
    }
    expect(build).toHaveBeenCalledTimes(1);
    // Inside a caller's transaction too, which keeps its setting afterwards.
    await db.transaction().execute(async (tx) => {
      const [row] = await read(tx, { id: ids[0] ?? '' });
      expect(row?.bitmapScans).toBe(dialect === 'postgres' ? 'off' : null);
      if (dialect === 'postgres') {
        const after = await sql<{
          setting: string;
        }>`select current_setting('enable_bitmapscan') as setting`.execute(tx);
        expect(after.rows[0]?.setting).toBe('on');
      }
    });
  });
});

const nameOf = precompiled(
  (db, p: { id: string }) => db.selectFrom('users').select('displayName').where('id', '=', p.id),
  { values: ['id'] },
);

describe('reads on SQLite share one read transaction per request', () => {
  let t: TestApp;
  let other: SqliteDatabase.Database;
  let id: string;
  const read = async () => (await nameOf(t.ctx.database.db, { id }))[0]?.displayName;
  /** Another process writing to the same file. */
  const renameElsewhere = (name: string) =>
    other.prepare('update users set display_name = ? where id = ?').run(name, id);

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    id = (await buildUser(t.ctx, { displayName: 'Snapshot Ada' })).id;
    other = new SqliteDatabase(path.join(t.database.dataDir, 'mentornet.sqlite'));
    other.pragma('busy_timeout = 5000');
  });
  afterAll(async () => {
    other.close();
    await t.close();
  });

  it("sees this process's own writes at once", async () => {
    t.ctx.database.freshReads();
    expect(await read()).toBe('Snapshot Ada');
    const { db } = t.ctx.database;
    await db.updateTable('users').set({ displayName: 'Snapshot Bea' }).where('id', '=', id).execute();
    expect(await read()).toBe('Snapshot Bea');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ displayName: 'Snapshot Cem' }).where('id', '=', id).execute();
    });
    expect(await read()).toBe('Snapshot Cem');
    // A write that returns its row (Kysely runs it as a read would).
    const [updated] = await db
      .updateTable('users')
      .set({ displayName: 'Snapshot Cid' })
      .where('id', '=', id)
      .returning('displayName')
      .execute();
    expect(updated?.displayName).toBe('Snapshot Cid');
    expect(await read()).toBe('Snapshot Cid');
  });

  it("sees another process's commits from the next request on, and keeps one state within a request", async () => {
    t.ctx.database.freshReads();
    renameElsewhere('Snapshot Dan');
    expect(await read()).toBe('Snapshot Dan');
    renameElsewhere('Snapshot Eli');
    // The same request (no new one has begun, the event loop has not moved on): the same state.
    expect(await read()).toBe('Snapshot Dan');
    t.ctx.database.freshReads();
    expect(await read()).toBe('Snapshot Eli');
  });

  it('ends the read transaction by itself once the event loop moves on (jobs, sockets; checkpoints)', async () => {
    t.ctx.database.freshReads();
    expect(await read()).toBe('Snapshot Eli');
    renameElsewhere('Snapshot Fay');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await read()).toBe('Snapshot Fay');
    await new Promise((resolve) => setImmediate(resolve));
    // No read transaction is left open: a full checkpoint can move the whole log into the file.
    const [result] = other.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(result?.busy).toBe(0);
  });

  it('begins every request with fresh reads', async () => {
    const fresh = vi.spyOn(t.ctx.database, 'freshReads');
    await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(fresh).toHaveBeenCalledTimes(2);
    fresh.mockRestore();
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
