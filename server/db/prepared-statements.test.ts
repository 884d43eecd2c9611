import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/build-app.ts';
import { createDatabase, type Database } from './database.ts';
import { precompiled } from './precompiled.ts';
import { PLANNED_FOR_ITS_VALUES } from './prepared-statements.ts';

/**
 * On PostgreSQL every query of the application goes out as a named statement that the connection
 * keeps: the same query twice on one connection is parsed (prepared) once and answers the same.
 */
describe.runIf(DIALECTS.includes('postgres'))('prepared statements on postgres', () => {
  let testDb: TestDatabase;
  let database: Database;
  let small: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const url = testDb.env.DATABASE_URL;
    // One connection each, so that every query below runs on the connection it asks about.
    database = createDatabase({ databaseUrl: url, dataDir: testDb.dataDir, poolSize: 1 });
    small = createDatabase({ databaseUrl: url, dataDir: testDb.dataDir, poolSize: 1, preparedStatements: 2 });
    await sql`create table things (id integer primary key, name text not null)`.execute(database.db);
    await sql`insert into things values (1, 'one'), (2, 'two'), (3, 'three')`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
    await small.destroy();
    await testDb.drop();
  });

  /** The connection's prepared statements (unnamed ones are not listed). */
  const prepared = async (db: Database) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db.db)).rows.map(
      (r) => r.statement,
    );

  const findThing = (db: Database, id: number) =>
    db.db
      .selectFrom('things' as never)
      .select(['id' as never, 'name' as never])
      .where('id' as never, '=', id as never)
      .execute();

  it('prepares a query once per connection and answers as before', async () => {
    const first = await findThing(database, 2);
    const second = await findThing(database, 2);
    const third = await findThing(database, 3);
    expect(first).toEqual([{ id: 2, name: 'two' }]);
    expect(second).toEqual(first);
    expect(third).toEqual([{ id: 3, name: 'three' }]);
    const statements = (await prepared(database)).filter((s) => s.includes('"things"'));
    expect(statements).toHaveLength(1);
    // The listing itself is a query of the application's: it is prepared too, once.
    await prepared(database);
    const all = await prepared(database);
    expect(all.filter((s) => s.includes('pg_prepared_statements'))).toHaveLength(1);
  });

  it('keeps at most the limit per connection, and a forgotten statement still answers', async () => {
    const distinct = [
      () =>
        small.db
          .selectFrom('things' as never)
          .select('id' as never)
          .where('id' as never, '=', 1 as never)
          .execute(),
      () =>
        small.db
          .selectFrom('things' as never)
          .select('name' as never)
          .where('id' as never, '=', 2 as never)
          .execute(),
      () => findThing(small, 3),
      () => findThing(small, 1),
    ];
    for (const run of distinct) await run();
    // Each listing is a statement of its own: at most two, the listing among them.
    expect((await prepared(small)).length).toBeLessThanOrEqual(2);
    expect(await distinct[0]?.()).toEqual([{ id: 1 }]);
    expect(await findThing(small, 1)).toEqual([{ id: 1, name: 'one' }]);
  });

  it('sends a statement planned for its values unnamed, every time', async () => {
    const named = (await prepared(database)).length;
    for (const id of [1, 2, 1, 2, 1, 2, 1]) {
      const { rows } = await sql<{
        name: string;
      }>`${PLANNED_FOR_ITS_VALUES}SELECT name FROM things WHERE id = ${id}`.execute(database.db);
      expect(rows).toEqual([{ name: id === 1 ? 'one' : 'two' }]);
    }
    // Only the listings themselves were prepared (one statement), never the marked one.
    const now = await prepared(database);
    expect(now.filter((s) => s.includes('planned for its values'))).toEqual([]);
    expect(now.length).toBeLessThanOrEqual(named + 1);
  });

  it('sends a precompiled query planned for its values unnamed, with the same answers', async () => {
    const thingByName = precompiled(
      (db, p: { name: string }) =>
        db
          .selectFrom('things' as never)
          .select(['id' as never])
          .where('name' as never, '=', p.name as never),
      { values: ['name'], plannedForItsValues: true },
    );
    for (const name of ['one', 'two', 'three', 'one', 'two', 'three', 'one']) {
      expect(await thingByName(database.db, { name })).toEqual([{ id: { one: 1, two: 2, three: 3 }[name] }]);
    }
    expect((await prepared(database)).filter((s) => s.includes('planned for its values'))).toEqual([]);
    expect((await prepared(database)).filter((s) => s.includes('"name" = $1'))).toEqual([]);
  });

  it('prepares a precompiled read (rows asked for as arrays) once, with the same answers', async () => {
    const thingById = precompiled(
      (db, p: { id: number }) =>
        db
          .selectFrom('things' as never)
          .select(['id' as never, 'name' as never])
          .where('id' as never, '>=', p.id as never)
          .orderBy('id' as never),
      { values: ['id'] },
    );
    for (const id of [1, 2, 3, 1, 2, 3, 1]) {
      const rows = await thingById(database.db, { id });
      expect(rows).toEqual(expectedFrom(id));
    }
    expect((await prepared(database)).filter((s) => s.includes('"id" >= $1'))).toHaveLength(1);
  });

  const expectedFrom = (id: number) =>
    [
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
      { id: 3, name: 'three' },
    ].filter((thing) => thing.id >= id);

  it('survives a change of the schema under a prepared statement', async () => {
    const all = () =>
      database.db
        .selectFrom('things' as never)
        .selectAll()
        .where('id' as never, '=', 1 as never)
        .execute();
    expect(await all()).toEqual([{ id: 1, name: 'one' }]);
    await sql`alter table things add column note text`.execute(database.db);
    expect(await all()).toEqual([{ id: 1, name: 'one', note: null }]);
  });
});
