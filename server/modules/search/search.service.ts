import type { SearchQuery } from '../../../common/contracts/search.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { SessionContext } from '../../platform/sessions/index.ts';
import { authorizeNetwork, getStandingsOf, loadNetworkAccess } from '../networks/index.ts';
import type { SearchedNetwork, SearchPage } from './search.presenter.ts';
import { searchRepository } from './search.repository.ts';
import { parseSearchQuery } from './search-query.ts';

/** Deep pages of a ranked list help nobody and cost the database: stop after this many results. */
const MAX_OFFSET = 500;

/** The networks whose content the user may search: active member and current agreement accepted. */
async function searchableNetworks(
  ctx: AppContext,
  auth: SessionContext,
  slug: string | undefined,
): Promise<SearchedNetwork[]> {
  if (slug) {
    const access = await loadNetworkAccess(ctx, auth, slug);
    // Searching shows discussion content and members: exactly what reading the discussions allows.
    authorizeNetwork(access, 'discussions.read');
    return [access.network];
  }
  const standings = await getStandingsOf(ctx, auth.user.id);
  return standings.filter(takesPart).map((s) => ({ id: s.networkId, slug: s.slug, name: s.name }));
}

/** Ranked hits across everything searchable in the user's networks (one page; kinds in search.kinds.ts). */
export async function search(ctx: AppContext, auth: SessionContext, query: SearchQuery): Promise<SearchPage> {
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: ['cursor'], code: 'invalid', message: 'invalid cursor' },
    ]);
  }
  const networks = await searchableNetworks(ctx, auth, query.network);
  const parsed = parseSearchQuery(query.q);
  if (networks.length === 0) return { hits: [], query: parsed, networks, nextCursor: null };
  const hits = await searchRepository(ctx.database.db, ctx.database.dialect).search({
    query: parsed,
    networkIds: networks.map((n) => n.id),
    type: query.type,
    offset,
    limit: query.limit + 1,
  });
  const next = offset + query.limit;
  return {
    hits: hits.slice(0, query.limit),
    query: parsed,
    networks,
    nextCursor: hits.length > query.limit && next <= MAX_OFFSET ? encodeCursor([next]) : null,
  };
}
