import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  allowedDocuments,
  candidateScope,
  type RawHit,
  resultColumns,
  SEARCH_CANDIDATES,
  toHit,
} from './search.filters.ts';
import { isPrefixWord } from './search-query.ts';
import type { ParsedQuery, SearchRepository } from './search.types.ts';

/** A word as the index holds it (migration 2026-12-06T1501): lower case, accents dropped. */
export const foldForPostgres = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
const lexeme = (word: string) => `'${foldForPostgres(word)}'`;
const exact = (words: string[]) => `(${words.map(lexeme).join(' <-> ')})`;
/** The last word of a term matches as a prefix (`:*`), like FTS5's `"…"*`. */
const prefix = (words: string[]) =>
  `(${words.map((w, i) => (i === words.length - 1 && isPrefixWord(w) ? `${lexeme(w)}:*` : lexeme(w))).join(' <-> ')})`;

/**
 * to_tsquery syntax from a parsed query: the same meaning as toFts5 (wanted words as prefixes,
 * excluded words exactly). Words contain only letters, marks and digits, so quoting is safe.
 */
export function toTsquery(query: ParsedQuery): string | null {
  const groups = query.any
    .filter((g) => g.all.length > 0)
    .map((g) => `(${[...g.all.map(prefix), ...g.not.map((t) => `!${exact(t)}`)].join(' & ')})`);
  return groups.length > 0 ? groups.join(' | ') : null;
}

/**
 * PostgreSQL full-text search: `simple` configuration (every language alike) over text without
 * accents, ts_rank among the
 * newest SEARCH_CANDIDATES matches.
 */
export function createPostgresSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      const tsquery = toTsquery(params.query);
      if (!tsquery) return [];
      const { rows } = await sql<RawHit>`
        WITH q AS (SELECT to_tsquery('simple', ${tsquery}) AS query)
        SELECT ${resultColumns(params)}
        FROM search_documents d, q
        WHERE d.tsv @@ q.query
          AND d.id >= (SELECT MIN(c.id) FROM (
            SELECT c.id FROM search_documents c, q WHERE c.tsv @@ q.query AND ${candidateScope(params, 'c')}
            ORDER BY c.id DESC LIMIT ${params.candidates ?? SEARCH_CANDIDATES}) c)
          AND ${allowedDocuments(params)}
        ORDER BY ts_rank(d.tsv, q.query) DESC, d.id
        LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
      return rows.map(toHit);
    },
  };
}
