import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canInNetwork } from '../../../../common/permissions.ts';
import { isForHomePage, isPairBeginner } from '../../../../common/policies/buddies.ts';
import { memberActor } from '../../../../common/policies/standing.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatMoment } from '../../lib/dates.ts';
import type { NetworkSummary } from '../networks/api.ts';
import { buddyKeys, fetchBuddyPairs, pairFacts } from './api.ts';

/**
 * "Your buddy" on the home page: the buddy of each network one takes part in, with the way to
 * their conversation, and proposals that wait for one's answer.
 */
export function BuddyHomeCard({ userId, networks }: { userId: string; networks: NetworkSummary[] }) {
  const { t, i18n } = useTranslation();
  // The networks whose pairings the user may see: those they take part in.
  const joined = networks.filter(
    (n) =>
      n.role &&
      canInNetwork(
        memberActor({ role: n.role, acceptedCurrent: n.acceptedCurrent }),
        'buddies.view',
        n.visibility,
      ),
  );
  const lists = useQueries({
    queries: joined.map((n) => ({
      queryKey: buddyKeys.list(n.slug, 'open', true),
      queryFn: () => fetchBuddyPairs(n.slug, 'open', true),
    })),
  });
  if (joined.length === 0) return null;
  const me = { userId };
  const items = lists.flatMap((list, i) =>
    (list.data?.pairs ?? [])
      .filter((p) => isForHomePage(userId, pairFacts(p)))
      .map((pair) => ({ pair, network: joined[i] as NetworkSummary })),
  );
  const failed = lists.find((l) => l.isError);

  return (
    <section className="card stack" aria-labelledby="buddy-home-heading">
      <h2 id="buddy-home-heading">{t('buddies.home.title')}</h2>
      {lists.some((l) => l.isPending) && <Loading />}
      {failed?.error && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
      {lists.every((l) => l.isSuccess) && items.length === 0 && (
        <div className="empty stack-tight">
          <p>{t('buddies.home.empty')}</p>
          <ul className="link-list">
            {joined.map((n) => (
              <li key={n.slug}>
                <Link to={`/networks/${n.slug}/buddies`}>
                  {t('buddies.home.open_network', { network: n.name })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {items.length > 0 && (
        <ul className="rows">
          {items.map(({ pair, network }) => {
            const other = isPairBeginner(me, pairFacts(pair)) ? pair.mentor : pair.beginner;
            if (!other) return null;
            return (
              <li key={pair.id} className="row buddy-home-row">
                <Avatar name={other.displayName} url={other.avatarUrl} size={48} />
                <div className="row-main">
                  <p className="strong">
                    <bdi>{other.displayName}</bdi>
                  </p>
                  <p className="muted small">
                    {pair.status === 'active'
                      ? [
                          network.name,
                          pair.lastContactAt
                            ? t('buddies.card.last_contact', {
                                when: formatMoment(pair.lastContactAt, i18n.language),
                              })
                            : t('buddies.card.no_contact'),
                        ].join(' · ')
                      : t('buddies.home.asks_you', { network: network.name })}
                  </p>
                </div>
                {pair.status === 'active' && pair.conversationId ? (
                  <Link
                    className="button button-primary"
                    to={`/messages/${pair.conversationId}`}
                    aria-label={t('buddies.actions.message_to', { name: other.displayName })}
                  >
                    {t('buddies.actions.message')}
                  </Link>
                ) : (
                  <Link className="button button-secondary" to={`/networks/${network.slug}/buddies`}>
                    {pair.status === 'active' ? t('buddies.home.open') : t('buddies.home.answer')}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
