import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePublicEvents } from './api.ts';
import { formatOccurrenceShort } from './format.ts';

/**
 * Upcoming public events, for anyone (no account needed): on a public network's page its own, on
 * the partners page the network's and its partners' merged by start, each naming its network.
 * Headline facts only; members find the link, the address and the answers inside the network.
 */
export function PublicEventsSection({ slug, withPartners }: { slug: string; withPartners: boolean }) {
  const { t, i18n } = useTranslation();
  const events = usePublicEvents(slug, withPartners);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = withPartners ? 'partners-public-events' : 'public-events';
  // A network's own page without public events says nothing about them.
  if (!withPartners && events.isSuccess && items.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{withPartners ? t('events.public_partners_title') : t('events.public_title')}</h2>
      {events.isPending && <Loading />}
      {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      {events.isSuccess && items.length === 0 && <p className="empty">{t('events.public_none')}</p>}
      {items.length > 0 && (
        <ul className="rows">
          {items.map((item) => (
            <li key={`${item.eventId}:${item.occurrence.key}`} className="row">
              <div className="row-main">
                <p className="strong">
                  <bdi>{item.title}</bdi>
                </p>
                <p className="muted small">
                  <time dateTime={item.occurrence.startsAt}>
                    {formatOccurrenceShort(item.occurrence.startsAt, i18n.language)}
                  </time>
                  {' · '}
                  {item.format === 'online' ? t('events.format_online') : t('events.format_on_site')}
                  {withPartners && (
                    <>
                      {' · '}
                      {t('events.public_from')} <bdi>{item.networkName}</bdi>
                    </>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {events.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
    </section>
  );
}
