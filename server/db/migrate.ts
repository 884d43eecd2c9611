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
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
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
