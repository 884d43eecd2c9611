import { type Kysely, sql } from 'kysely';
import type { SearchType } from '../../../common/contracts/search.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { DB } from '../../db/schema.ts';
import { candidateScope, type RawHit, SEARCH_CANDIDATES, toHit, visiblePageOf } from './search.filters.ts';
import type { ParsedQuery, SearchParams, SearchRepository } from './search.types.ts';
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
 * How many of the best candidates the first statement checks for visibility, per result wanted:
 * nearly every candidate is visible (a deleted topic's replies stay indexed), so the page is almost
 * always among the best few, and checking all of them (up to SEARCH_CANDIDATES) cost more than
 * ranking them.
 */
const CHECKED_PER_RESULT = 1.25;

interface PageParams extends Record<string, unknown> {
  match: string;
  networkIds: string[];
  type: SearchType | undefined;
  candidates: number;
  /** Visibility is checked on this many of the best candidates; undefined: on every candidate. */
  best: number | undefined;
  limit: number;
  offset: number;
}

/**
 * The page statement, built and compiled once per shape (the number of networks, the type, whether
 * only the best candidates are checked): building it with Kysely cost more than running it for a
 * rare word.
 */
const searchPage = precompiled(
  (db, p: PageParams) => {
    const scope: SearchParams = { ...p, query: { any: [] } };
    // bm25 only for the candidates: FTS5 walks the matches newest first and stops at the limit.
    const statement = sql<RawHit>`
      WITH ${sql.raw(p.best === undefined ? 'ranked' : 'candidates')} AS MATERIALIZED (
        SELECT search_fts.rowid AS id, bm25(search_fts, 5.0, 1.0) AS score
        FROM search_fts CROSS JOIN search_documents c ON c.id = search_fts.rowid
        WHERE search_fts MATCH ${p.match} AND ${candidateScope(scope, 'c')}
        ORDER BY search_fts.rowid DESC LIMIT ${p.candidates}),
      ${p.best === undefined ? sql`` : sql`ranked AS MATERIALIZED (SELECT id, score FROM candidates ORDER BY score, id LIMIT ${p.best}),`}
      ${visiblePageOf(scope, 'CROSS JOIN')}`;
    return { compile: () => statement.compile(db) };
  },
  { values: ['match', 'candidates', 'best', 'limit', 'offset'], lists: ['networkIds'] },
);

/**
 * SQLite FTS5: bm25 ranking with titles weighing five times the body, among the newest
 * SEARCH_CANDIDATES matches in the searcher's scope (FTS5 walks matches by rowid, newest first,
 * without ranking them); one pass over the index, then the visible page (visiblePageOf). Visibility
 * is checked on the best candidates first; only when too few of them were visible does a second
 * statement check every candidate.
 */
export function createSqliteSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      const match = toFts5(params.query);
      if (!match) return [];
      const best = Math.ceil((params.offset + params.limit) * CHECKED_PER_RESULT) + 4;
      const page: PageParams = {
        match,
        networkIds: params.networkIds,
        type: params.type,
        candidates: params.candidates ?? SEARCH_CANDIDATES,
        best,
        limit: params.limit,
        offset: params.offset,
      };
      if (best < page.candidates) {
        // A full page among the best candidates is the page: every visible candidate ranked below
        // them comes after the ones found.
        const rows = await searchPage(db, page);
        if (rows.length === params.limit) return rows.map(toHit);
      }
      return (await searchPage(db, { ...page, best: undefined })).map(toHit);
    },
  };
}
