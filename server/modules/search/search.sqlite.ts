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
 * SEARCH_CANDIDATES matches (FTS5 walks matches by rowid, newest first, without ranking them).
 */
export function createSqliteSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      const match = toFts5(params.query);
      if (!match) return [];
      const { rows } = await sql<RawHit>`
        SELECT ${resultColumns(params)}
        FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${match}
          AND search_fts.rowid >= (SELECT MIN(c.id) FROM (
            SELECT search_fts.rowid AS id FROM search_fts JOIN search_documents c ON c.id = search_fts.rowid
            WHERE search_fts MATCH ${match} AND ${candidateScope(params, 'c')}
            ORDER BY search_fts.rowid DESC LIMIT ${params.candidates ?? SEARCH_CANDIDATES}) c)
          AND ${allowedDocuments(params)}
        ORDER BY bm25(search_fts, 5.0, 1.0), d.id
        LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
      return rows.map(toHit);
    },
  };
}
