import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type KyselyConfig,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import { postgresDriver } from './postgres-driver.ts';
import { applySessionSettings } from './postgres-session.ts';
import { ReadSnapshot, registerPostgresReader, registerSqliteReader } from './precompiled.ts';
import { keepPreparedStatements } from './prepared-statements.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the SQLite file lives (undefined on PostgreSQL); used by backups. */
  sqliteFile: string | undefined;
  /** Checks that the database answers (readiness). */
  ping(): Promise<void>;
  /** A request begins: its reads see every commit made until now (see ReadSnapshot; SQLite only). */
  freshReads(): void;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL: named statements each connection keeps (0: none; default 256, see prepared-statements.ts). */
  preparedStatements?: number;
  /** Called after each query through Kysely with its duration (metrics). */
  onQuery?: (durationMs: number, failed: boolean) => void;
}

/** Opens SQLite (default, file under the data dir) or PostgreSQL (when a URL is given). */
export function createDatabase(options: DatabaseOptions): Database {
  const plugins = [new CamelCasePlugin()];
  const { onQuery } = options;
  const log: KyselyConfig['log'] = onQuery
    ? (event) => onQuery(event.queryDurationMillis, event.level === 'error')
    : undefined;
  if (options.databaseUrl) {
    const pool = new (postgresDriver().Pool)({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    // An idle connection that the server drops (restart, failover, admin termination) must not crash
    // the process; the pool replaces it on next use.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    applySessionSettings(pool);
    keepPreparedStatements(pool, options.preparedStatements);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins, log });
    const columns = new ColumnNames();
    registerPostgresReader(db, {
      camelCase: (column) => columns.of(column),
      async query(text, values) {
        const started = onQuery ? performance.now() : 0;
        const client = await pool.connect();
        let failed = true;
        try {
          const result = await client.query<unknown[]>({ text, values, rowMode: 'array' });
          failed = false;
          return result;
        } finally {
          client.release();
          onQuery?.(performance.now() - started, failed);
        }
      },
    });
    return {
      db,
      dialect: 'postgres',
      sqliteFile: undefined,
      ping: async () => void (await sql`select 1`.execute(db)),
      freshReads: () => {},
      destroy: () => db.destroy(),
    };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'mentornet.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  addFunctions(sqlite);
  // Hot reads (precompiled queries) go to a second, read-only connection: see precompiled.ts.
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  addFunctions(reader);
  const snapshot = new ReadSnapshot(reader);
  const db = new Kysely<DB>({
    dialect: new WriteFirstSqliteDialect({
      // Whatever this connection writes, the reader's next read sees.
      database: withStatementCache(sqlite, { afterWrite: () => snapshot.end() }),
    }),
    plugins,
    log,
  });
  const columns = new ColumnNames();
  registerSqliteReader(db, {
    connection: withStatementCache(reader),
    camelCase: (column) => columns.of(column),
    snapshot,
  });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: file,
    ping: async () => void (await sql`select 1`.execute(db)),
    freshReads: () => snapshot.end(),
    destroy: async () => {
      await db.destroy();
      snapshot.end();
      reader.close();
    },
  };
}

/** Settings and functions every connection to the SQLite file needs. */
function addFunctions(connection: SqliteDatabase.Database): void {
  connection.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds only A–Z; searches must fold every script ("Олена", "Ελένη") like PostgreSQL.
  connection.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
}

/**
 * Transactions take SQLite's write lock when they begin (`BEGIN IMMEDIATE`), not at their first
 * write: another process on the same file (a second server process, the CLI) may have written in
 * between, and a transaction that read first could then not write at all (SQLITE_BUSY, no wait).
 * Beginning with the lock waits for the other writer (busy_timeout) and then always succeeds.
 */
class WriteFirstSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * The statement, with `then` called after each of its runs (whether it succeeded or not). Kysely runs
 * a write with RETURNING through `all`, the others through `run`.
 */
function callingAfterRun(statement: SqliteDatabase.Statement, then: () => void): SqliteDatabase.Statement {
  for (const method of ['run', 'all', 'get'] as const) {
    const call = (statement[method] as (...parameters: unknown[]) => unknown).bind(statement);
    (statement as unknown as Record<string, unknown>)[method] = (...parameters: unknown[]) => {
      try {
        return call(...parameters);
      } finally {
        then();
      }
    };
  }
  return statement;
}

/** Column names as Kysely's CamelCasePlugin hands them to the application, remembered. */
class ColumnNames extends CamelCasePlugin {
  readonly #known = new Map<string, string>();
  of(column: string): string {
    let name = this.#known.get(column);
    if (name === undefined) {
      name = this.camelCase(column);
      this.#known.set(column, name);
    }
    return name;
  }
}

/**
 * SQLite (3.53) prepares a statement again at every run when its LIMIT or OFFSET is a bare bound
 * parameter (it tries to read the value as a constant, which ties the plan to the bound value);
 * `? + 0` is an expression and keeps the prepared plan. On a page of 20 topics the re-prepare cost
 * ~25 µs, more than the query. Kysely writes `.limit(n)` as ` limit ?`; raw SQL may write `LIMIT ?`
 * on a line of its own. A parameter already written as an expression is left as it is.
 */
export function limitAsExpression(source: string): string {
  return source.replace(BARE_LIMIT, '$1 ? + 0');
}

const BARE_LIMIT = /\b(limit|offset)\s+\?(?!\s*\+\s*0\b)/gi;

/**
 * Kysely prepares every statement anew; preparing costs as much as running a small query. Reusing
 * prepared statements by SQL text (bounded, least recently used out) saves that on hot paths.
 * `afterWrite` is called after every statement that is not a plain read (a write, also one with
 * RETURNING; a commit) and every `exec`.
 */
function withStatementCache(
  sqlite: SqliteDatabase.Database,
  options: { afterWrite?: () => void } = {},
): SqliteDatabase.Database {
  const size = 500;
  const { afterWrite } = options;
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (afterWrite && property === 'exec') {
        return (source: string) => {
          try {
            return target.exec(source);
          } finally {
            afterWrite();
          }
        };
      }
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = target.prepare(limitAsExpression(source));
          // Not a plain read: a write (with or without RETURNING) or transaction control (commit).
          const plainRead = statement.reader && statement.readonly;
          if (afterWrite && !plainRead) statement = callingAfterRun(statement, afterWrite);
          if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}
