import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PLANNED_FOR_ITS_VALUES } from '../../db/prepared-statements.ts';
import type { DB } from '../../db/schema.ts';
import {
  allowedDocuments,
  candidateScope,
  type RawHit,
  resultColumns,
  SEARCH_CANDIDATES,
  toHit,
} from './search.filters.ts';
import type { ParsedQuery, SearchRepository } from './search.types.ts';
import { isPrefixWord } from './search-query.ts';

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
 * How many ranked candidates one page statement checks at most: visibility costs a few lookups per
 * candidate, and beyond ~900 candidates PostgreSQL's cost estimate crosses `jit_above_cost`, where
 * JIT compilation alone takes longer (~0.3 s) than every lookup together.
 */
const CHECKED_AT_ONCE = 250;

/** The newest documents looked at first, per candidate wanted (see createPostgresSearch). */
const NEWEST_PER_CANDIDATE = 32;

/**
 * A window that held at least this share of the candidates (one in four) is walked on for the rest;
 * fewer, and the word is rare enough for its GIN index to be the faster way.
 */
const DENSE_SHARE = 4;

/** How far the second walk goes at most, in windows. */
const WALKED_AT_MOST = 4n;

interface Ranked {
  id: string;
  score: number;
}

/**
 * PostgreSQL full-text search: `simple` configuration (every language alike) over text without
 * accents, ts_rank among the newest SEARCH_CANDIDATES matches in the searcher's scope. Short
 * statements instead of one long one: the candidates are found and ranked first (ids only, planned
 * for the words searched each time), among the newest documents and then, only if too few matched
 * there, among the older ones; a second statement, the same for every query and so kept prepared,
 * checks visibility and fetches the rows of the best candidates in rank order, and runs again for
 * further candidates only when too few of them were visible.
 */
export function createPostgresSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      const tsquery = toTsquery(params.query);
      if (!tsquery) return [];
      const candidates = params.candidates ?? SEARCH_CANDIDATES;
      const matches = (window: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) =>
        sql<Ranked>`
        ${PLANNED_FOR_ITS_VALUES}SELECT c.id, ts_rank(c.tsv, to_tsquery('simple', ${tsquery})) AS score
        FROM search_documents c
        WHERE c.tsv @@ to_tsquery('simple', ${tsquery}) AND ${candidateScope(params, 'c')} AND ${window}
        ORDER BY ${order} DESC LIMIT ${limit}`.execute(db);
      // The newest documents first: a common word fills the candidates there, however its matches
      // were estimated. Where the window held many matches but not enough, the next documents are
      // walked the same way, as far as the matches found so far say it takes (reading the index of
      // a common word is slower than walking its newest documents). Only the rest of the index is
      // read through the GIN index alone (`c.id + 0` cannot walk the primary key), so a word
      // estimated common but rare (a phrase, an exclusion) never walks the whole table.
      const newest = await sql<{ top: string | null }>`
        SELECT MAX(id) AS top FROM search_documents`.execute(db);
      const top = BigInt(newest.rows[0]?.top ?? '0');
      const windowSize = BigInt(candidates * (params.walkedPerCandidate ?? NEWEST_PER_CANDIDATE));
      let floor = top - windowSize;
      const found = (await matches(sql`c.id > ${String(floor)}`, sql`c.id`, candidates)).rows;
      if (found.length < candidates && found.length >= candidates / DENSE_SHARE) {
        const needed = candidates - found.length;
        // Documents per match in the window, half as many again for safety, at most WALKED_AT_MOST windows.
        const more = BigInt(Math.ceil((Number(windowSize) / found.length) * needed * 1.5));
        const next = floor - (more < windowSize * WALKED_AT_MOST ? more : windowSize * WALKED_AT_MOST);
        const { rows } = await matches(
          sql`c.id > ${String(next)} AND c.id <= ${String(floor)}`,
          sql`c.id`,
          needed,
        );
        found.push(...rows);
        floor = next;
      }
      const { rows: older } =
        found.length < candidates
          ? await matches(sql`c.id <= ${String(floor)}`, sql`c.id + 0`, candidates - found.length)
          : { rows: [] };
      // Best first, as ts_rank DESC, id would sort them (ids are bigint: compare as numbers).
      const ranked = [...found, ...older].sort(
        (a, b) => b.score - a.score || (BigInt(a.id) < BigInt(b.id) ? -1 : 1),
      );
      const wanted = params.offset + params.limit;
      const visible: RawHit[] = [];
      for (let from = 0; from < ranked.length && visible.length < wanted; ) {
        // A few more than the page needs first (a deleted topic's replies stay indexed), then more.
        const missing = wanted - visible.length;
        const size = Math.min(CHECKED_AT_ONCE, from === 0 ? missing + Math.ceil(missing / 4) : missing * 4);
        const ids = ranked.slice(from, from + size).map((r) => r.id);
        from += ids.length;
        const { rows } = await sql<RawHit>`
          SELECT ${resultColumns(params)}
          FROM unnest(CAST(${ids} AS bigint[])) WITH ORDINALITY AS r(id, position)
          JOIN search_documents d ON d.id = r.id
          WHERE ${allowedDocuments(params)}
          ORDER BY r.position`.execute(db);
        visible.push(...rows);
      }
      return visible.slice(params.offset, wanted).map(toHit);
    },
  };
}
