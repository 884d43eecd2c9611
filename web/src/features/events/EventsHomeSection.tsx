import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventList } from '../../../../common/contracts/events.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { api, query } from '../../lib/api-client.ts';
import { eventAccess, eventKeys, useUpcomingEvents } from './api.ts';
import { EventRow } from './EventRow.tsx';

const SHOWN = 3;

/** On the network's overview: the next meetings, and "New event" for those allowed. */
export function EventsHomeSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const access = eventAccess(network);
  const list = useUpcomingEvents(network.slug, SHOWN, access.view);
  const items = list.data?.pages[0]?.items ?? [];
  if (!access.view) return null;
  return (
    <section
      className="card stack"
      aria-labelledby="events-home-heading"
      aria-busy={list.isFetching || undefined}
    >
      <div className="section-head">
        <h2 id="events-home-heading">{t('events.upcoming')}</h2>
        {access.create && (
          <Link className="button button-secondary" to={`/networks/${network.slug}/events/new`}>
            {t('events.new')}
          </Link>
        )}
      </div>
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
      <p>
        <Link to={`/networks/${network.slug}/events`}>{t('events.all')}</Link>
      </p>
    </section>
  );
}

/** On the personal home: the next meetings of all my networks (the first few of each, merged). */
export function MyEventsHomeCard({ networks }: { networks: { slug: string; role: string | null }[] }) {
  const { t } = useTranslation();
  const mine = networks.filter((n) => n.role).slice(0, 10);
  const lists = useQueries({
    queries: mine.map((n) => ({
      // A key of its own: the network home keeps the same list as pages (an infinite query), and
      // one key must not hold both shapes (a saved cache would hand one to the other).
      queryKey: [...eventKeys.all(n.slug), 'home-card', SHOWN],
      queryFn: () =>
        api.get<EventList>(`/networks/${encodeURIComponent(n.slug)}/events${query({ limit: SHOWN })}`),
      select: (data: EventList) => ({ pages: [data], pageParams: [undefined] }),
    })),
  });
  if (mine.length === 0) return null;
  const items = lists
    .flatMap((l) => l.data?.pages[0]?.items ?? [])
    .sort((a, b) => a.occurrence.startsAt.localeCompare(b.occurrence.startsAt))
    .slice(0, 5);
  const pending = lists.some((l) => l.isPending);
  return (
    <section className="card stack" aria-labelledby="my-events-heading">
      <h2 id="my-events-heading">{t('events.upcoming')}</h2>
      {pending && items.length === 0 && <Loading />}
      {!pending && items.length === 0 && <p className="empty">{t('events.empty')}</p>}
      {items.length > 0 && (
        <ul className="rows">
          {items.map((item) => (
            <EventRow key={`${item.eventId}:${item.occurrence.key}`} item={item} showNetwork />
          ))}
        </ul>
      )}
    </section>
  );
}
