import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { candidateScope, type RawHit, SEARCH_CANDIDATES, toHit, visiblePageOf } from './search.filters.ts';
import type { ParsedQuery, SearchRepository } from './search.types.ts';
import { isPrefixWord } from './search-query.ts';

const phrase = (words: string[]) => `"${words.join(' ')}"`;
const wanted = (words: string[]) =>
  `${phrase(words)}${isPrefixWord(words[words.length - 1] ?? '') ? '*' : ''}`;

/**
 * FTS5 query syntax from a parsed query; words contain only letters, marks and digits, so quoting
 * is safe. Wanted words match as prefixes ("wohnung" finds "Wohnungssuche"; in a phrase its last
 * word; see MIN_PREFIX_LENGTH), excluded words exactly.
 */
export function toFts5(query: ParsedQuery): string | null {
  const groups = query.any
    .filter((g) => g.all.length > 0)
    .map((g) => {
      const must = `(${g.all.map(wanted).join(' AND ')})`;
      return g.not.reduce((expr, term) => `(${expr} NOT ${phrase(term)})`, must);
    });
  return groups.length > 0 ? groups.join(' OR ') : null;
}

/**
 * SQLite FTS5: bm25 ranking with titles weighing five times the body, among the newest
 * SEARCH_CANDIDATES matches in the searcher's scope (FTS5 walks matches by rowid, newest first,
 * without ranking them); one pass over the index, then the visible page (visiblePageOf).
 */
export function createSqliteSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      const match = toFts5(params.query);
      if (!match) return [];
      // bm25 only for the candidates: FTS5 walks the matches newest first and stops at the limit.
      const { rows } = await sql<RawHit>`
        WITH ranked AS MATERIALIZED (
          SELECT search_fts.rowid AS id, bm25(search_fts, 5.0, 1.0) AS score
          FROM search_fts CROSS JOIN search_documents c ON c.id = search_fts.rowid
          WHERE search_fts MATCH ${match} AND ${candidateScope(params, 'c')}
          ORDER BY search_fts.rowid DESC LIMIT ${params.candidates ?? SEARCH_CANDIDATES}),
        ${visiblePageOf(params, 'CROSS JOIN')}`.execute(db);
      return rows.map(toHit);
    },
  };
}
