import { type Kysely, type MigrationResultSet, Migrator, SqliteAdapter, sql } from 'kysely';
import { migrations } from './migrations/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema type
type AnyDb = Kysely<any>;

/**
 * Applies every pending migration; throws with the failing migration's name on error.
 * On SQLite, Kysely's migration lock does nothing (one connection per process is assumed), so the
 * whole run is one transaction that holds SQLite's write lock from its start: several server
 * processes (`WORKERS`) or the CLI starting at once on one file migrate one after the other, and
 * a failing migration leaves the file as it was.
 */
export async function migrateToLatest(db: AnyDb): Promise<MigrationResultSet> {
  try {
    return await migrate(db);
  } catch (error) {
    throw explainMissingDatabase(error) ?? error;
  }
}

/**
 * PostgreSQL's "database … does not exist" (SQLSTATE 3D000) as an operator can act on it: which
 * database DATABASE_URL names, and how to create it. Undefined for every other error.
 */
export function explainMissingDatabase(error: unknown): Error | undefined {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const name = /database "([^"]+)" does not exist/.exec(message)?.[1];
  if (code !== '3D000' && name === undefined) return undefined;
  const database = name ?? '(the one in DATABASE_URL)';
  const quoted = `"${database.replaceAll('"', '""')}"`;
  return new Error(
    `The PostgreSQL database ${database} named in DATABASE_URL does not exist. Create it (empty; mentorNET creates its tables), as a user allowed to, on the same server, e.g.:\n` +
      `  createdb ${/^[\w-]+$/.test(database) ? database : `'${database}'`}\n` +
      `or in psql: CREATE DATABASE ${quoted};`,
    { cause: error },
  );
}

async function migrate(db: AnyDb): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    // Work merged from parallel branches can bring a migration named before one a database has
    // already run; each migration touches only its own tables and columns, so order among them
    // does not matter and a database that ran the later one first still takes the earlier one.
    allowUnorderedMigrations: true,
  });
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await sql`begin immediate`.execute(db);
  let result: MigrationResultSet;
  try {
    result = await migrator.migrateToLatest();
  } catch (error) {
    if (sqlite) await sql`rollback`.execute(db);
    throw error;
  }
  if (result.error) {
    if (sqlite) await sql`rollback`.execute(db);
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  if (sqlite) await sql`commit`.execute(db);
  return result;
}
