import type { SearchType } from '../../../common/contracts/search.ts';

/** A parsed query: words and phrases that must match, words that must not, alternatives. */
export interface ParsedQuery {
  /** Groups joined by OR; each group is a list of terms that must all match. */
  any: { all: string[][]; not: string[][] }[];
}

export interface SearchParams {
  query: ParsedQuery;
  /** The raw query, for engines that parse it themselves (PostgreSQL websearch_to_tsquery). */
  raw: string;
  /** Networks whose topics, replies and members the searcher may see (never empty). */
  networkIds: string[];
  type?: SearchType;
  offset: number;
  limit: number;
  /** How many of the newest matches are ranked (SEARCH_CANDIDATES unless a test says otherwise). */
  candidates?: number;
}

export interface SearchHit {
  kind: SearchType;
  refId: string;
  /** The network of a topic or reply; for a member, one of the searched networks they are in. */
  networkId: string;
  topicId: string | null;
  title: string;
  snippet: string;
  titleHighlighted: string;
}

/** One interface, two engines (SQLite FTS5, PostgreSQL full-text search), best match first. */
export interface SearchRepository {
  search(params: SearchParams): Promise<SearchHit[]>;
}
