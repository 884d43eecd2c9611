import type { SearchType } from '../../../common/contracts/search.ts';

/** A parsed query: words and phrases that must match, words that must not, alternatives. */
export interface ParsedQuery {
  /** Groups joined by OR; each group is a list of terms that must all match. */
  any: { all: string[][]; not: string[][] }[];
}

export interface SearchParams {
  query: ParsedQuery;
  /** Networks the searcher takes part in (never empty); search.kinds.ts says what each shows. */
  networkIds: string[];
  type?: SearchType;
  offset: number;
  limit: number;
  /** How many of the newest matches are ranked (SEARCH_CANDIDATES unless a test says otherwise). */
  candidates?: number;
  /** PostgreSQL: how many of the newest documents are walked first per candidate (NEWEST_PER_CANDIDATE unless a test says otherwise). */
  walkedPerCandidate?: number;
}

export interface SearchHit {
  kind: SearchType;
  refId: string;
  /** The network it is in; for a member or organisation, one of the searched networks. */
  networkId: string | null;
  /** Topic of a reply (and a topic's own id). */
  topicId: string | null;
  /** Slug of an organisation. */
  slug: string | null;
  /** Title (a reply's topic title), member or organisation name. */
  title: string;
  /** The indexed text as stored (Markdown for posts and the like). */
  body: string;
}

/** One interface, two engines (SQLite FTS5, PostgreSQL full-text search), best match first. */
export interface SearchRepository {
  search(params: SearchParams): Promise<SearchHit[]>;
}
