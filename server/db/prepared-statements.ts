import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type Pg from 'pg';

/**
 * Named (prepared) statements on PostgreSQL for every query Kysely sends. Kysely hands `pg` the SQL
 * text and its values, which `pg` sends unnamed: PostgreSQL parses the text and plans it again on
 * every execution (~0.5 ms of a 2 ms topic list). Here each pooled connection's `query` sends a
 * statement of the application's (select, insert, update, delete, with) under a name derived from
 * its text (a hash), so `pg` parses it once per connection and afterwards only binds and executes,
 * and PostgreSQL may keep a generic plan. Each connection keeps at most `limit` of them: the least
 * recently used one is deallocated when another is needed. Statements that change the schema,
 * transaction control and anything else stay unnamed, and so do those that begin with
 * PLANNED_FOR_ITS_VALUES.
 */
export function keepPreparedStatements(pool: Pg.Pool, limit = DEFAULT_LIMIT): void {
  // Each new connection of the pool, before its first use.
  pool.on('connect', (client) => prepareOn(client as Pg.PoolClient, limit));
}

/**
 * Begins a statement whose best plan depends on its values, so that it is sent unnamed and
 * PostgreSQL plans it for the values of each execution. A named statement gets a generic plan
 * after five executions when that plan looks cheaper than the custom ones did, and a generic plan
 * cannot know the values: for a search's candidates it reads the whole GIN match list of a common
 * word (66 ms at the large scale) where walking the primary key from the newest document takes
 * 12 ms. Only for short statements: planning such one costs ~0.5 ms each time.
 */
export const PLANNED_FOR_ITS_VALUES_TEXT = '/* planned for its values */ ';
export const PLANNED_FOR_ITS_VALUES = sql.raw(PLANNED_FOR_ITS_VALUES_TEXT);

const DEFAULT_LIMIT = 256;
const DML = /^\s*(select|insert|update|delete|with)\b/i;
const PATCHED = Symbol('preparedStatements');

/** Names by SQL text, shared by all connections (hashing a long statement costs a few µs). */
const names = new Map<string, string>();
const MAX_NAMES = 4096;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `k_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

interface ParsedStatements {
  connection?: { parsedStatements?: Record<string, string> };
}

function prepareOn(client: Pg.PoolClient, limit: number): void {
  if (!(limit > 0)) return;
  const marked = client as Pg.PoolClient & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  marked[PATCHED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<Pg.QueryResult>;
  /** The connection's named statements, least recently used first (a Map keeps insertion order). */
  const kept = new Map<string, string>();
  const forget = (text: string) => {
    const name = kept.get(text);
    if (name === undefined) return;
    kept.delete(text);
    // pg remembers which names it parsed on this connection: it would skip the parse next time.
    delete (client as ParsedStatements).connection?.parsedStatements?.[name];
    // Queued on this connection before anything sent after it; a failure only leaves it prepared.
    query(`deallocate "${name}"`).catch(() => {});
  };
  (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    // A text, or a query config without a name (precompiled reads ask for rows as arrays so).
    const plain: QueryConfig | undefined =
      typeof config === 'string' ? { text: config, values } : unnamedConfig(config);
    if (plain === undefined || callback !== undefined || !DML.test(plain.text)) {
      return query(config, values, callback);
    }
    const { text } = plain;
    let name = kept.get(text);
    if (name !== undefined) {
      kept.delete(text);
      kept.set(text, name);
    } else {
      if (kept.size >= limit) forget(kept.keys().next().value as string);
      name = nameOf(text);
      kept.set(text, name);
    }
    return query({ ...plain, name, values: plain.values ?? [] }).catch((error: { code?: string }) => {
      // A statement prepared before the schema changed under it (a migration, in tests): once again, unnamed.
      if (error?.code !== '0A000') throw error;
      forget(text);
      return query(plain);
    });
  };
}

interface QueryConfig {
  text: string;
  values?: unknown;
  rowMode?: 'array';
}

/** A plain query config without a name (not a Query or Cursor object, which submit themselves). */
function unnamedConfig(config: unknown): QueryConfig | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const c = config as Record<string, unknown>;
  if (typeof c.text !== 'string' || c.name !== undefined || typeof c.submit === 'function') return undefined;
  return c as unknown as QueryConfig;
}
