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
import { MARK_END, MARK_START } from './search-marks.ts';
import type { SearchRepository } from './search.types.ts';

const HEADLINE = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

/**
 * PostgreSQL full-text search: `simple` configuration (every language alike), websearch syntax,
 * ts_rank among the newest SEARCH_CANDIDATES matches.
 */
export function createPostgresSearch(db: Kysely<DB>): SearchRepository {
  return {
    async search(params) {
      if (!params.query.any.some((g) => g.all.length > 0)) return [];
      const { rows } = await sql<RawHit>`
        WITH q AS (SELECT websearch_to_tsquery('simple', ${params.raw}) AS query)
        SELECT ${resultColumns(params)},
          ts_headline('simple', d.body, q.query, ${HEADLINE}) AS snippet,
          ts_headline('simple', d.title, q.query, ${TITLE_HEADLINE}) AS title_hl
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
