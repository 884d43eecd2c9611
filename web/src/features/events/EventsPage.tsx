import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { eventAccess, useUpcomingEvents } from './api.ts';
import { EventRow } from './EventRow.tsx';

/** The network's upcoming meetings, page by page, and "New event" for those allowed. */
export default function EventsPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const access = eventAccess(network);
  const list = useUpcomingEvents(network.slug);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page stack">
      <div className="section-head">
        <PageHeading title={t('events.title')} />
        {access.create && (
          <Link className="button button-primary" to={`/networks/${network.slug}/events/new`}>
            {t('events.new')}
          </Link>
        )}
      </div>
      <section
        className="card stack"
        aria-busy={list.isFetching || undefined}
        aria-label={t('events.upcoming')}
      >
        {list.isPending && <Loading />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && <p className="empty">{t('events.empty')}</p>}
        {items.length > 0 && (
          <ul className="rows">
            {items.map((item) => (
              <EventRow key={`${item.eventId}:${item.occurrence.key}`} item={item} listedIn={network.slug} />
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('events.more')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
