import type { SearchResults } from '../../../common/contracts/search.ts';
import { MARK_END, MARK_START } from './search-marks.ts';
import type { SearchHit } from './search.types.ts';

/** A network the searcher may search, as results name it. */
export interface SearchedNetwork {
  id: string;
  slug: string;
  name: string;
}

/** A page of hits with the networks they were searched in. */
export interface SearchPage {
  hits: SearchHit[];
  networks: SearchedNetwork[];
  nextCursor: string | null;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Escapes everything, then turns only our own markers into <mark>: no HTML from posts gets through. */
export function highlight(raw: string): string {
  return escapeHtml(raw.replaceAll('<mark>', '').replaceAll('</mark>', ''))
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

/** Results with escaped, highlighted snippets and the network each was found in. */
export function presentSearchResults(page: SearchPage): SearchResults {
  const byId = new Map(page.networks.map((n) => [n.id, n]));
  return {
    results: page.hits.map((hit) => {
      const network = byId.get(hit.networkId);
      return {
        type: hit.kind,
        id: hit.refId,
        network: network ? { slug: network.slug, name: network.name } : null,
        title: hit.title,
        topicId: hit.topicId,
        snippet: highlight(hit.snippet),
        titleHighlighted: highlight(hit.titleHighlighted),
      };
    }),
    nextCursor: page.nextCursor,
  };
}
