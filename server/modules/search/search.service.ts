import type { SearchQuery, SearchResults } from '../../../common/contracts/search.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import { authorizeNetwork, getStandingsOf, loadNetworkAccess } from '../networks/index.ts';
import { parseSearchQuery } from './search-query.ts';
import { MARK_END, MARK_START } from './search-marks.ts';
import { searchRepository } from './search.repository.ts';

/** Deep pages of a ranked list help nobody and cost the database: stop after this many results. */
const MAX_OFFSET = 500;

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

/** The networks whose content the user may search: active member and current agreement accepted. */
async function searchableNetworks(
  ctx: AppContext,
  auth: SessionContext,
  slug: string | undefined,
): Promise<{ id: string; slug: string; name: string }[]> {
  if (slug) {
    const access = await loadNetworkAccess(ctx, auth, slug);
    // Searching shows discussion content and members: exactly what reading the discussions allows.
    authorizeNetwork(access, 'discussions.read');
    return [access.network];
  }
  const standings = await getStandingsOf(ctx, auth.user.id);
  return standings.filter(takesPart).map((s) => ({ id: s.networkId, slug: s.slug, name: s.name }));
}

/** Ranked results across topics, replies and members of the user's networks, with highlighted snippets. */
export async function search(
  ctx: AppContext,
  auth: SessionContext,
  query: SearchQuery,
): Promise<SearchResults> {
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['cursor'], code: 'invalid', message: 'invalid cursor' },
    ]);
  }
  const networks = await searchableNetworks(ctx, auth, query.network);
  if (networks.length === 0) return { results: [], nextCursor: null };
  const byId = new Map(networks.map((n) => [n.id, n]));
  const hits = await searchRepository(ctx.database.db, ctx.database.dialect).search({
    query: parseSearchQuery(query.q),
    raw: query.q,
    networkIds: networks.map((n) => n.id),
    type: query.type,
    offset,
    limit: query.limit + 1,
  });
  const page = hits.slice(0, query.limit);
  const next = offset + query.limit;
  return {
    results: page.map((hit) => {
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
    nextCursor: hits.length > query.limit && next <= MAX_OFFSET ? encodeCursor([next]) : null,
  };
}
