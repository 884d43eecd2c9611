import type { SearchResults, SearchType } from '../../../common/contracts/search.ts';
import { markdownToPlainText } from '../../lib/markdown.ts';
import type { ParsedQuery, SearchHit } from './search.types.ts';
import { excerptAround, markWords, snippetOf, termsToMark } from './search-snippet.ts';

/** A network the searcher may search, as results name it. */
export interface SearchedNetwork {
  id: string;
  slug: string;
  name: string;
}

/** A page of hits with the networks they were searched in. */
export interface SearchPage {
  hits: SearchHit[];
  query: ParsedQuery;
  networks: SearchedNetwork[];
  nextCursor: string | null;
}

/** Kinds whose indexed text is Markdown (the others are plain text already). */
const MARKDOWN: Record<SearchType, boolean> = {
  topic: true,
  reply: true,
  announcement: true,
  help_request: true,
  event: true,
  resource: true,
  member: false,
  organisation: false,
};

/** Characters that may make Markdown (or an entity, or a numbered list); text without any is plain already. */
const MARKDOWN_SYNTAX = /[*_`#[\]()<>!\\~|@&=+-]|^\s*\d+[.)]/m;

/** Plain text of a hit's indexed text, whitespace collapsed. */
export function plainTextOf(kind: SearchType, body: string): string {
  return MARKDOWN[kind] && MARKDOWN_SYNTAX.test(body)
    ? markdownToPlainText(body)
    : body.replace(/\s+/g, ' ').trim();
}

/** Results as plain-text pieces with the matched words marked (never HTML), and their network. */
export function presentSearchResults(page: SearchPage): SearchResults {
  const byId = new Map(page.networks.map((n) => [n.id, n]));
  const terms = termsToMark(page.query);
  return {
    results: page.hits.map((hit) => {
      const network = hit.networkId ? byId.get(hit.networkId) : undefined;
      return {
        type: hit.kind,
        id: hit.refId,
        network: network ? { slug: network.slug, name: network.name } : null,
        title: hit.title,
        topicId: hit.topicId,
        slug: hit.slug,
        snippet: snippetOf(plainTextOf(hit.kind, excerptAround(hit.body, terms)), terms),
        // A reply shows its topic's title, which is not what matched.
        titleMarks: hit.kind === 'reply' ? [{ text: hit.title, mark: false }] : markWords(hit.title, terms),
      };
    }),
    nextCursor: page.nextCursor,
  };
}
