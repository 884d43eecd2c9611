import type { QueryClient } from '@tanstack/react-query';
import type { HelpRequest, HelpResponse } from '../../../../common/contracts/help-requests.ts';
import { realtime } from '../../lib/realtime.ts';
import { helpKeys } from './api.ts';

/**
 * An open request with a response that arrived: shown at once (once, whoever sent it first — the
 * socket or the answer of one's own post). Null when the response is already there.
 */
export function withResponse(cached: HelpRequest, response: HelpResponse): HelpRequest | null {
  if (cached.responses.some((r) => r.id === response.id)) return null;
  return {
    ...cached,
    responses: [...cached.responses, response],
    responseCount: cached.responseCount + 1,
    lastActivityAt: response.createdAt,
  };
}

/**
 * Help requests change as people answer, offer, edit and resolve them: the lists of the network
 * load again, and so does a request that is open on the screen. A new response is written into
 * the open request straight away (it reads alike for everyone); what depends on the reader (what
 * they may do now) comes with the fetch that follows. Events name the network by slug.
 */
export function connectHelp(queryClient: QueryClient): () => void {
  const refresh = (slug: string, requestId: string) => {
    void queryClient.invalidateQueries({ queryKey: helpKeys.lists(slug) });
    void queryClient.invalidateQueries({ queryKey: helpKeys.request(slug, requestId) });
  };
  const offs = [
    realtime.on('help.changed', ({ networkSlug, requestId }) => refresh(networkSlug, requestId)),
    realtime.on('help.activity', ({ networkSlug, requestId, response }) => {
      const key = helpKeys.request(networkSlug, requestId);
      const cached = queryClient.getQueryData<HelpRequest>(key);
      const merged = cached && response && withResponse(cached, response);
      if (merged) queryClient.setQueryData(key, merged);
      refresh(networkSlug, requestId);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
