import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Frozen helper for migrations that make one more kind of thing searchable (see "Search" in
 * README.md): triggers that keep `search_documents` in sync with a source table on both
 * databases, a backfill of the rows already there, and the way back. Migrations that used it must
 * keep working, so never change what it does: write a new helper beside it instead.
 */
export interface SearchKindSource {
  /** The value of `search_documents.kind`, as in common/search.ts. */
  kind: string;
  /** The source table; its primary key is `id`, which becomes `ref_id`. */
  table: string;
  /** Columns whose change re-indexes a row (inserts and deletes always do). */
  columns: string[];
  /** SQL over the source row `s`: its network (or NULL), title and text. */
  networkId: string;
  title: string;
  body: string;
}

const selectDocument = (k: SearchKindSource) =>
  `SELECT '${k.kind}', s.id, ${k.networkId}, ${k.title}, ${k.body} FROM ${k.table} s`;
const refresh = (k: SearchKindSource, id: string) => [
  `DELETE FROM search_documents WHERE kind = '${k.kind}' AND ref_id = ${id}`,
  `INSERT INTO search_documents (kind, ref_id, network_id, title, body) ${selectDocument(k)} WHERE s.id = ${id}`,
];
const forget = (k: SearchKindSource, id: string) =>
  `DELETE FROM search_documents WHERE kind = '${k.kind}' AND ref_id = ${id}`;
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;
const triggerName = (k: SearchKindSource) => `search_${k.kind}_sync`;

/** Creates the sync triggers of one kind and indexes the rows its table already has. */
export async function indexSearchKind(db: Kysely<unknown>, k: SearchKindSource): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const name = triggerName(k);
  if (isPostgres(db)) {
    await run(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF TG_OP = 'DELETE' THEN ${forget(k, 'OLD.id')}; RETURN NULL; END IF;
      ${refresh(k, 'NEW.id')
        .map((s) => `${s};`)
        .join('\n')}
      RETURN NULL; END $$`);
    await run(`CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OF ${k.columns.join(', ')} OR DELETE
      ON ${k.table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  } else {
    const body = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
    await run(`CREATE TRIGGER ${name}_ai AFTER INSERT ON ${k.table} BEGIN ${body(refresh(k, 'new.id'))} END`);
    await run(
      `CREATE TRIGGER ${name}_au AFTER UPDATE OF ${k.columns.join(', ')} ON ${k.table} BEGIN ${body(refresh(k, 'new.id'))} END`,
    );
    await run(`CREATE TRIGGER ${name}_ad AFTER DELETE ON ${k.table} BEGIN ${forget(k, 'old.id')}; END`);
  }
  await run(`INSERT INTO search_documents (kind, ref_id, network_id, title, body) ${selectDocument(k)}`);
}

/** Drops the triggers of one kind and its documents. */
export async function dropSearchKind(db: Kysely<unknown>, k: SearchKindSource): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const name = triggerName(k);
  if (isPostgres(db)) {
    await run(`DROP TRIGGER IF EXISTS ${name} ON ${k.table}`);
    await run(`DROP FUNCTION IF EXISTS ${name}()`);
  } else {
    for (const suffix of ['ai', 'au', 'ad']) await run(`DROP TRIGGER IF EXISTS ${name}_${suffix}`);
  }
  await run(`DELETE FROM search_documents WHERE kind = '${k.kind}'`);
}
