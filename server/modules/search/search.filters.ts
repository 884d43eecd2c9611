import { type RawBuilder, sql } from 'kysely';
import type { SearchType } from '../../../common/contracts/search.ts';
import { KIND_RULES, KINDS_WITHOUT_NETWORK } from './search.kinds.ts';
import type { SearchHit, SearchParams } from './search.types.ts';

/**
 * Which documents (alias `d`) the searcher may find, the same for both engines: each kind's rule
 * (search.kinds.ts), or only the one asked for.
 */
export function allowedDocuments(params: SearchParams): RawBuilder<unknown> {
  const networks = sql.join(params.networkIds);
  const kinds = params.type ? [params.type] : (Object.keys(KIND_RULES) as SearchType[]);
  const rules = kinds.map(
    (kind) => sql`(d.kind = ${sql.lit(kind)} AND ${KIND_RULES[kind].visible(networks)})`,
  );
  return sql`(${sql.join(rules, sql` OR `)})`;
}

/** Columns every engine returns besides the score. */
export function resultColumns(params: SearchParams): RawBuilder<unknown> {
  const networks = sql.join(params.networkIds);
  const networkOf = KINDS_WITHOUT_NETWORK.map(
    (kind) => sql`WHEN ${sql.lit(kind)} THEN ${KIND_RULES[kind].networkOf?.(networks)}`,
  );
  return sql`d.kind AS kind, d.ref_id AS ref_id, d.body AS body,
    CASE d.kind ${sql.join(networkOf, sql` `)} ELSE d.network_id END AS network_id,
    CASE d.kind WHEN 'topic' THEN d.ref_id WHEN 'reply' THEN (SELECT p.topic_id FROM posts p WHERE p.id = d.ref_id)
      ELSE NULL END AS topic_id,
    CASE WHEN d.kind = 'organisation' THEN (SELECT o.slug FROM organisations o WHERE o.id = d.ref_id)
      ELSE NULL END AS slug,
    CASE WHEN d.kind = 'reply' THEN (SELECT t.title FROM posts p JOIN topics t ON t.id = p.topic_id WHERE p.id = d.ref_id)
      ELSE d.title END AS title`;
}

/** A result row as Kysely hands it over (the CamelCasePlugin renames the columns). */
export interface RawHit {
  kind: SearchType;
  refId: string;
  networkId: string | null;
  topicId: string | null;
  slug: string | null;
  title: string;
  body: string;
}

/** A hit as both engines hand it on. */
export function toHit(row: RawHit): SearchHit {
  return { ...row };
}

/**
 * The statement's end, the same for both engines: from `ranked(id, score)` — the candidates with
 * their score, best (lowest) first — the requested page of those the searcher may see, then the
 * result columns for that page's rows only. Visibility is checked on the candidates alone (never on
 * every match), and the lookups of the result columns (a reply's topic, a member's network…) run
 * for the ~20 rows shown instead of every candidate. `join` is how the engine is told to read the
 * page first (SQLite plans `CROSS JOIN` in the order written; PostgreSQL has no `CROSS JOIN … ON`).
 */
export function visiblePageOf(params: SearchParams, join: 'JOIN' | 'CROSS JOIN'): RawBuilder<unknown> {
  const joinDocument = sql.raw(`${join} search_documents d`);
  return sql`page AS MATERIALIZED (
      SELECT r.id, r.score FROM ranked r ${joinDocument} ON d.id = r.id
      WHERE ${allowedDocuments(params)}
      ORDER BY r.score, r.id LIMIT ${params.limit} OFFSET ${params.offset})
    SELECT ${resultColumns(params)}
    FROM page ${joinDocument} ON d.id = page.id
    ORDER BY page.score, page.id`;
}

/**
 * A very common word can match tens of thousands of documents, and ranking all of them costs more
 * than a search may (bm25 / ts_rank read every match). Ranking considers the newest matches only:
 * this many among the searcher's networks (and kinds without a network), found in id order without ranking.
 */
export const SEARCH_CANDIDATES = 1000;

/** Documents a search may rank: in the searcher's networks, or of a kind without a network (filtered precisely later). */
export function candidateScope(params: SearchParams, alias: string): RawBuilder<unknown> {
  const kinds = sql.join(KINDS_WITHOUT_NETWORK.map((kind) => sql.lit(kind)));
  return sql`(${sql.ref(`${alias}.network_id`)} IN (${sql.join(params.networkIds)}) OR ${sql.ref(`${alias}.kind`)} IN (${kinds}))`;
}
