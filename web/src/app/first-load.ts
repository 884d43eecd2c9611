import { onlineManager } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import type { CurrentSession, Me } from '../../../common/contracts/auth.ts';
import { isHeldAtAgreement } from '../../../common/permissions.ts';
import { pinnedAnnouncementsQuery } from '../features/announcements/api.ts';
import { authKeys } from '../features/auth/api.ts';
import { repliesQuery, topicQuery } from '../features/discussions/api.ts';
import { networkQuery } from '../features/networks/api.ts';
import { userKeys } from '../features/users/api.ts';
import { queryClient } from './query-client.ts';

/**
 * What the first page needs from the API, asked while the catalogue and the page's chunks load
 * rather than one after the other once React has drawn (issue 24: session → network → page).
 */

/** When this load started: whatever the offline cache restores is older, and is asked again. */
export const loadStartedAt = Date.now();

/**
 * Who is signed in, from the request index.html preloads (`<link rel="preload" href="/api/session">`):
 * the same URL, mode and credentials, so the browser hands over that answer instead of asking
 * again. It fills the cache entries the shell reads (`me`, the second-factor gate). Undefined when
 * there is no answer (offline): the app then asks the usual way.
 */
export async function readSession(): Promise<Me | null | undefined> {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const session = (await response.json()) as CurrentSession;
    queryClient.setQueryData(authKeys.me, session.user);
    if (session.user) {
      queryClient.setQueryData(userKeys.secondFactorGate, session.secondFactorRequired === true);
    }
    return session.user;
  } catch {
    return undefined;
  }
}

/**
 * Asks for the data of the page a first load opens: a network page's network at once (visitors may
 * see public ones); the overview's pinned announcements (the first thing under its heading, which
 * would otherwise push the page down as they arrive), or a topic with its replies, once the session
 * and the network show that the page will ask for them — never a request the page would not make.
 */
export async function prefetchFirstData(
  pathname: string,
  session: Promise<Me | null | undefined>,
): Promise<void> {
  const slug = matchPath({ path: '/networks/:slug', end: false }, pathname)?.params.slug;
  // Offline, a query waits for the connection instead of failing: the first render must not wait
  // for it, and the page shows what the offline cache kept.
  if (!slug || !onlineManager.isOnline()) return;
  const network = queryClient.fetchQuery(networkQuery(slug)).catch(() => undefined);
  const overview = matchPath('/networks/:slug', pathname) !== null;
  const topicId = matchPath('/networks/:slug/discussions/:topicId', pathname)?.params.topicId;
  if (!overview && (!topicId || topicId === 'new')) return;
  const [me, n] = await Promise.all([session, network]);
  if (me === undefined || !n || queryClient.getQueryData(userKeys.secondFactorGate) === true) return;
  const held = isHeldAtAgreement({
    signedIn: me !== null,
    platformAdmin: me?.isPlatformAdmin ?? false,
    orgAdmin: n.viewer.orgAdmin,
    role: n.viewer.role,
    acceptedCurrent: n.viewer.acceptedCurrent,
  });
  if (held || !n.viewer.permissions.includes('discussions.read')) return;
  if (overview) await queryClient.prefetchQuery(pinnedAnnouncementsQuery(slug));
  // A topic is a page for signed-in members only.
  else if (me && topicId) {
    await Promise.all([
      queryClient.prefetchQuery(topicQuery(slug, topicId)),
      queryClient.prefetchInfiniteQuery(repliesQuery(slug, topicId)),
    ]);
  }
}

/** Resolves when `work` is done or after `ms`, whichever is first: a first render waits, but not for ever. */
export function atMost(ms: number, work: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
