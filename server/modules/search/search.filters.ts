import { type RawBuilder, sql } from 'kysely';
import type { SearchHit, SearchParams } from './search.types.ts';

/**
 * Which documents (alias `d`) the searcher may find, the same for both engines: topics and replies
 * of the allowed networks that are not deleted (nor is their topic), and members with an active
 * membership in one of them. Checked against the live rows, so the index can never leak more.
 */
export function allowedDocuments(params: SearchParams): RawBuilder<unknown> {
  const networks = sql.join(params.networkIds);
  const topic = sql`(d.kind = 'topic' AND d.network_id IN (${networks}) AND EXISTS (
      SELECT 1 FROM topics t WHERE t.id = d.ref_id AND t.deleted_at IS NULL))`;
  const reply = sql`(d.kind = 'reply' AND d.network_id IN (${networks}) AND EXISTS (
      SELECT 1 FROM posts p JOIN topics t ON t.id = p.topic_id
      WHERE p.id = d.ref_id AND p.deleted_at IS NULL AND t.deleted_at IS NULL))`;
  const member = sql`(d.kind = 'member' AND EXISTS (
      SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.user_id = d.ref_id AND m.status = 'active' AND u.suspended_at IS NULL AND m.network_id IN (${networks})))`;
  if (params.type === 'topic') return topic;
  if (params.type === 'reply') return reply;
  if (params.type === 'member') return member;
  return sql`(${topic} OR ${reply} OR ${member})`;
}

/** Columns every engine returns besides score and highlights. */
export function resultColumns(params: SearchParams): RawBuilder<unknown> {
  const networks = sql.join(params.networkIds);
  return sql`d.kind AS kind, d.ref_id AS ref_id,
    CASE WHEN d.kind = 'member' THEN (SELECT MIN(m.network_id) FROM memberships m
      WHERE m.user_id = d.ref_id AND m.status = 'active' AND m.network_id IN (${networks}))
      ELSE d.network_id END AS network_id,
    CASE d.kind WHEN 'topic' THEN d.ref_id WHEN 'reply' THEN (SELECT p.topic_id FROM posts p WHERE p.id = d.ref_id)
      ELSE NULL END AS topic_id,
    CASE WHEN d.kind = 'reply' THEN (SELECT t.title FROM posts p JOIN topics t ON t.id = p.topic_id WHERE p.id = d.ref_id)
      ELSE d.title END AS title`;
}

/** A result row as Kysely hands it over (the CamelCasePlugin renames the columns). */
export interface RawHit {
  kind: 'topic' | 'reply' | 'member';
  refId: string;
  networkId: string;
  topicId: string | null;
  title: string;
  snippet: string | null;
  titleHl: string | null;
}

/** A hit as both engines hand it on (a reply shows its topic's title, never highlighted). */
export function toHit(row: RawHit): SearchHit {
  return {
    kind: row.kind,
    refId: row.refId,
    networkId: row.networkId,
    topicId: row.topicId,
    title: row.title,
    snippet: row.snippet ?? '',
    titleHighlighted: row.kind === 'reply' ? row.title : (row.titleHl ?? row.title),
  };
}

/**
 * A very common word can match tens of thousands of documents, and ranking all of them costs more
 * than a search may (bm25 / ts_rank read every match). Ranking considers the newest matches only:
 * this many among the searcher's networks (and members), found in id order without ranking.
 */
export const SEARCH_CANDIDATES = 1000;

/** Documents a search may rank: in the searcher's networks, or a member (filtered precisely later). */
export function candidateScope(params: SearchParams, alias: string): RawBuilder<unknown> {
  return sql`(${sql.ref(`${alias}.network_id`)} IN (${sql.join(params.networkIds)}) OR ${sql.ref(`${alias}.kind`)} = 'member')`;
}
