import type SqliteDatabase from 'better-sqlite3';
import {
  AliasNode,
  ColumnNode,
  type Compilable,
  type CompiledQuery,
  createQueryId,
  FunctionNode,
  IdentifierNode,
  type Kysely,
  type OperationNode,
  type OperationNodeSource,
  ReferenceNode,
  SelectionNode,
  SelectQueryNode,
} from 'kysely';
import { withoutBitmapScans } from './index-scans.ts';
import { PLANNED_FOR_ITS_VALUES_TEXT } from './prepared-statements.ts';
import type { DB } from './schema.ts';

/**
 * SQLite reads of precompiled queries skip Kysely's executor: on a separate read-only connection
 * (WAL: it sees every committed write at once and never another request's open transaction), with
 * the statement prepared once, rows fetched as arrays and turned into objects with the camelCase
 * keys worked out once. For a page of 20 topics that is about 100 µs instead of 250 µs.
 */
export interface SqliteReader {
  connection: SqliteDatabase.Database;
  /** The column name as the application sees it (the CamelCasePlugin's rule). */
  camelCase(column: string): string;
  /** The read transaction the reads share (see ReadSnapshot). */
  snapshot: ReadSnapshot;
}

/**
 * The reads of one request share one read transaction on the reader connection. Outside a
 * transaction every statement begins and ends a read of its own, and in WAL mode that takes and
 * drops a lock on the shared-memory file, two system calls: ~1.5 µs of a lookup that takes 0.15 µs
 * inside a transaction (six statements on a page of replies). The transaction begins with the first
 * read and ends
 * - when a request comes in (`end`, from the request hook), so that each request sees every commit
 *   made before it arrived, by this process or another;
 * - after every write of this process (`end`, from the writer connection), so that a request reads
 *   what it has just written;
 * - at the latest when the event loop has handled the events it was woken for (setImmediate), so
 *   that work outside requests (jobs, socket messages) reads a state at most one turn of the event
 *   loop old, and checkpoints are not held back.
 */
export class ReadSnapshot {
  readonly #connection: SqliteDatabase.Database;
  readonly #begin: SqliteDatabase.Statement;
  readonly #commit: SqliteDatabase.Statement;
  #open = false;
  #endScheduled = false;

  constructor(connection: SqliteDatabase.Database) {
    this.#connection = connection;
    this.#begin = connection.prepare('begin');
    this.#commit = connection.prepare('commit');
  }

  /** Before a read: begins the shared read transaction unless one is open. */
  use(): void {
    if (this.#open) return;
    this.#begin.run();
    this.#open = true;
    if (!this.#endScheduled) {
      this.#endScheduled = true;
      setImmediate(this.#endLater);
    }
  }

  /** Ends the shared read transaction: the next read sees every commit made until now. */
  end(): void {
    if (!this.#open) return;
    this.#open = false;
    // A failed statement may have ended the transaction already.
    if (this.#connection.inTransaction) this.#commit.run();
  }

  readonly #endLater = () => {
    this.#endScheduled = false;
    this.end();
  };
}

const sqliteReaders = new WeakMap<Kysely<DB>, SqliteReader>();

/**
 * PostgreSQL reads of precompiled queries skip Kysely's executor too: the statement goes to a pooled
 * connection as it is (named, see prepared-statements.ts) with its rows asked for as arrays, turned
 * into objects with the camelCase keys worked out once. Through Kysely, `pg` builds an object per
 * row, the CamelCasePlugin copies it key by key into another, and the executor adds its own steps.
 */
export interface PostgresReader {
  /** Runs a statement on a pooled connection; rows as arrays of values in the order of `fields`. */
  query(text: string, values: unknown[]): Promise<{ fields: { name: string }[]; rows: unknown[][] }>;
  /** The column name as the application sees it (the CamelCasePlugin's rule). */
  camelCase(column: string): string;
}

const postgresReaders = new WeakMap<Kysely<DB>, PostgresReader>();

/** Lets precompiled reads on this (PostgreSQL) database skip Kysely's executor. */
export function registerPostgresReader(db: Kysely<DB>, reader: PostgresReader): void {
  postgresReaders.set(db, reader);
}

/** Lets precompiled reads on this (SQLite) database use the reader connection. */
export function registerSqliteReader(db: Kysely<DB>, reader: SqliteReader): void {
  sqliteReaders.set(db, reader);
}

/**
 * Hot queries run thousands of times a second with the same shape. Building a Kysely query (immutable
 * nodes, frozen at every step) and compiling it to SQL costs far more than SQLite takes to answer it
 * (about 130 µs against 3 µs for the notifications list), so a precompiled query is built and
 * compiled once per database and shape, and afterwards only executed with new values.
 *
 * `values` names the parameters that are bound values: the builder receives placeholders for them,
 * and each one must reach the SQL as a bound parameter (a `where`, `limit` or join condition), never
 * as an identifier or literal; the first compile checks that. `lists` are bound values that are
 * arrays (`in (…)`): they are compiled for a few fixed lengths and padded by repeating the last
 * element, which an `in` list ignores (they must not be empty). A value left undefined (an optional
 * filter or cursor) is passed as undefined and makes its own shape. Every other parameter shapes
 * the query (a flag) and is passed to the builder as it is; each distinct combination is compiled
 * once.
 *
 * `jsonRows` (for lists of many rows): on SQLite each row comes back as one JSON array of its values
 * (`json_array(…)` around the selected columns), parsed in JavaScript. better-sqlite3 makes a
 * JavaScript value of every column of every row, ~0.1 µs each: for a page of 30 notifications of 17
 * columns that was most of the query (~90 → ~65 µs). Only for queries whose values are text,
 * integers or null (JSON keeps a REAL to 15 digits and cannot hold a BLOB) and whose columns are
 * named (no `selectAll`); a query that cannot be written so fails on its first run.
 *
 * `plannedForItsValues`: on PostgreSQL the statement is sent unnamed (PLANNED_FOR_ITS_VALUES) and
 * planned for each execution's values, for a query whose best plan depends on them. A named one gets
 * a generic plan after five executions: the topic list of a busy space (8,974 of the network's
 * 11,253 topics at the large scale) was then read through both indexes, every topic joined and sorted
 * (930 ms), where the space's activity index gives the first 20 at once (0.6 ms).
 */
export function precompiled<P extends Record<string, unknown>, R>(
  build: (db: Kysely<DB>, params: P) => Compilable<R>,
  names: {
    values: readonly (keyof P & string)[];
    lists?: readonly (keyof P & string)[];
    jsonRows?: boolean;
    plannedForItsValues?: boolean;
    withoutBitmapScans?: boolean;
  },
): (db: Kysely<DB>, params: P) => Promise<R[]> {
  const values = new Set<string>(names.values);
  const lists = new Set<string>(names.lists ?? []);
  const byDatabase = new WeakMap<Kysely<DB>, Map<string, Prepared>>();

  function shapeOf(params: P): string {
    let key = '';
    for (const name of Object.keys(params).sort()) {
      const value = params[name];
      if (values.has(name)) {
        if (value === undefined) key += `${name}?;`;
        continue;
      }
      if (lists.has(name)) {
        const length = (value as unknown[]).length;
        if (length === 0) throw new Error(`precompiled query: ${name} must not be empty`);
        key += `${name}#${listSlots(length)};`;
      } else key += `${name}=${String(value)};`;
    }
    return key;
  }

  function prepare(db: Kysely<DB>, params: P): Prepared {
    const stand = { ...params } as Record<string, unknown>;
    for (const name of values) stand[name] = params[name] === undefined ? undefined : `${MARK}${name}`;
    for (const name of lists) {
      const slots = listSlots((params[name] as unknown[]).length);
      stand[name] = Array.from({ length: slots }, (_, i) => `${MARK}${name}${LIST_MARK}${i}`);
    }
    const query = build(db, stand as P);
    const compiled = query.compile();
    const slots = compiled.parameters.map((value): Slot | null => {
      if (typeof value !== 'string' || !value.startsWith(MARK)) return null;
      const [name = '', index] = value.slice(MARK.length).split(LIST_MARK);
      return { name, index: index === undefined ? -1 : Number(index) };
    });
    for (const name of [...values, ...lists]) {
      if (params[name] !== undefined && !slots.some((s) => s?.name === name)) {
        throw new Error(`precompiled query: ${name} is not a bound parameter`);
      }
    }
    let jsonSql: string | undefined;
    if (names.jsonRows && sqliteReaders.has(db)) {
      jsonSql = jsonRowsSql(db, query, compiled);
      if (jsonSql === undefined)
        throw new Error('precompiled query: jsonRows needs a named value per column');
    }
    const sentSql = names.plannedForItsValues ? PLANNED_FOR_ITS_VALUES_TEXT + compiled.sql : compiled.sql;
    return { compiled, slots, jsonSql, sentSql };
  }

  return async (db, params) => {
    let shapes = byDatabase.get(db);
    if (!shapes) {
      shapes = new Map();
      byDatabase.set(db, shapes);
    }
    const shape = shapeOf(params);
    let prepared = shapes.get(shape);
    if (!prepared) {
      prepared = prepare(db, params);
      // A shape parameter that is really a value would compile a query per request: stop keeping them.
      if (shapes.size < MAX_SHAPES) shapes.set(shape, prepared);
    }
    const { compiled, slots } = prepared;
    const parameters = compiled.parameters.map((constant, i) => {
      const slot = slots[i];
      if (!slot) return constant;
      const value = params[slot.name];
      if (slot.index < 0) return value;
      const list = value as unknown[];
      return list[Math.min(slot.index, list.length - 1)];
    });
    const reader = db.isTransaction ? undefined : sqliteReaders.get(db);
    if (reader) {
      prepared.read ??= readerStatement(reader, compiled.sql, prepared.jsonSql);
      if (prepared.read) {
        const { statement, toRow, json } = prepared.read;
        reader.snapshot.use();
        if (json) return (statement.all(parameters) as string[]).map((row) => toRow(JSON.parse(row))) as R[];
        return (statement.all(parameters) as unknown[][]).map(toRow) as R[];
      }
    }
    const postgres = db.isTransaction || names.withoutBitmapScans ? undefined : postgresReaders.get(db);
    if (postgres) {
      const { fields, rows } = await postgres.query(prepared.sentSql, parameters);
      prepared.toRow ??= rowMaker(fields.map((f) => postgres.camelCase(f.name)));
      return rows.map(prepared.toRow) as R[];
    }
    const query = { ...compiled, sql: prepared.sentSql, parameters } as CompiledQuery<R>;
    if (names.withoutBitmapScans) {
      return (await withoutBitmapScans(db, (on) => on.executeQuery<R>(query))).rows;
    }
    return (await db.executeQuery<R>(query)).rows;
  };
}

/**
 * The reader's statement for a query that only reads (null for writes, which go through Kysely): the
 * query as it is, or with its rows as JSON arrays (`jsonRows`). Either way the rows get the plain
 * statement's column names as keys.
 */
function readerStatement(
  reader: SqliteReader,
  sql: string,
  jsonSql: string | undefined,
): ReaderStatement | null {
  const statement = reader.connection.prepare(sql);
  if (!statement.reader) return null;
  const toRow = rowMaker(statement.columns().map((c) => reader.camelCase(c.name)));
  // SQLite refuses some forms (say, an ORDER BY naming a selected alias): the tests would say so.
  if (jsonSql !== undefined)
    return { statement: reader.connection.prepare(jsonSql).pluck(true), toRow, json: true };
  return { statement: statement.raw(true), toRow, json: false };
}

/**
 * The query with one column instead of its selections, `json_array` of them in the same order, so
 * that a row is one string instead of a value per column. Undefined when a selection has no name of
 * its own (`selectAll`), for compound queries, or when the bound parameters would move.
 */
export function jsonRowsSql(
  db: Kysely<DB>,
  query: Compilable<unknown>,
  plain: CompiledQuery,
): string | undefined {
  const node = (query as Partial<OperationNodeSource>).toOperationNode?.();
  if (!node || !SelectQueryNode.is(node) || !node.selections?.length || node.setOperations?.length) {
    return undefined;
  }
  const values: OperationNode[] = [];
  for (const { selection } of node.selections) {
    if (AliasNode.is(selection)) values.push(selection.node);
    else if (ColumnNode.is(selection) || (ReferenceNode.is(selection) && ColumnNode.is(selection.column))) {
      values.push(selection);
    } else return undefined;
  }
  const row = AliasNode.create(FunctionNode.create('json_array', values), IdentifierNode.create('json_row'));
  const wrapped: SelectQueryNode = { ...node, selections: [SelectionNode.create(row)] };
  const executor = db.getExecutor();
  const queryId = createQueryId();
  const compiled = executor.compileQuery(executor.transformQuery(wrapped, queryId), queryId);
  const same =
    compiled.parameters.length === plain.parameters.length &&
    compiled.parameters.every((value, i) => value === plain.parameters[i]);
  return same ? compiled.sql : undefined;
}

/**
 * Turns a row of values (in column order) into an object with these keys. Written out as one object
 * literal per statement, so every row of a statement is built in one step with the same shape;
 * setting the keys one by one in a loop over names costs several times as much (a lookup per key
 * that cannot be specialised, as every statement has other names). The names are the statement's
 * column names, quoted as JSON string literals (so no name can be read as code).
 */
export function rowMaker(keys: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  // In an object literal that name would set the prototype instead of a field.
  if (keys.includes('__proto__')) throw new Error('precompiled query: a column must not be named __proto__');
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: values[${i}]`);
  return new Function('values', `return { ${fields.join(', ')} };`) as (
    values: unknown[],
  ) => Record<string, unknown>;
}

interface ReaderStatement {
  statement: SqliteDatabase.Statement;
  toRow: (values: unknown[]) => Record<string, unknown>;
  /** Rows come as one JSON array each (see `jsonRows`). */
  json: boolean;
}

interface Slot {
  name: string;
  /** The position in a list, or -1 for a single value. */
  index: number;
}

interface Prepared {
  compiled: CompiledQuery;
  /** For each bound parameter: the value that fills it, or null for a constant of the query. */
  slots: (Slot | null)[];
  /** On SQLite, with `jsonRows`: the query with each row as one JSON array (see jsonRowsSql). */
  jsonSql: string | undefined;
  /** On SQLite: the reader connection's statement (null: not a read). */
  read?: ReaderStatement | null;
  /** The SQL as sent (with `plannedForItsValues`, marked to stay unnamed). */
  sentSql: string;
  /** On PostgreSQL: makes a row object of the values of a row (see PostgresReader). */
  toRow?: (values: unknown[]) => Record<string, unknown>;
}

const MAX_SHAPES = 64;
const MARK = '\u0000precompiled:';
const LIST_MARK = '\u0000#';

/** Lists are compiled for lengths 1, 4, 16, 64, … (at most four shapes for a page of 100). */
function listSlots(length: number): number {
  let slots = 1;
  while (slots < length) slots *= 4;
  return slots;
}
