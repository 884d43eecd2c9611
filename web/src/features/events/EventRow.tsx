import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventListItem } from '../../../../common/contracts/events.ts';
import { formatOccurrenceShort } from './format.ts';

/** One occurrence in a list: when, what, how many go, and my answer. */
export function EventRow({
  item,
  showNetwork = false,
  listedIn,
}: {
  item: EventListItem;
  showNetwork?: boolean;
  /** The network whose list this is: a partner's shared event opens there (read-only). */
  listedIn?: string;
}) {
  const { t, i18n } = useTranslation();
  const cancelled = item.status === 'cancelled' || item.occurrence.state === 'cancelled';
  // A date of a series leads to the event page showing that date (organisers change it there).
  const date = item.recurring ? `?date=${encodeURIComponent(item.occurrence.key)}` : '';
  return (
    <li className="row">
      <div className="row-main">
        <p className="strong">
          <Link
            to={`/networks/${item.origin && listedIn ? listedIn : item.networkSlug}/events/${item.eventId}${date}`}
          >
            <bdi>{item.title}</bdi>
          </Link>
        </p>
        <p className="muted small">
          <time dateTime={item.occurrence.startsAt}>
            {formatOccurrenceShort(item.occurrence.startsAt, i18n.language)}
          </time>
          {' · '}
          {item.format === 'online' ? t('events.format_online') : t('events.format_on_site')}
          {item.origin && !showNetwork && (
            <>
              {' · '}
              {t('partners.shared_from')} <bdi>{item.origin.name}</bdi>
            </>
          )}
          {showNetwork && (
            <>
              {' · '}
              <bdi>{item.networkName}</bdi>
            </>
          )}
          {' · '}
          {t('events.going', { count: item.counts.yes })}
        </p>
      </div>
      {cancelled ? (
        <span className="badge badge-warn">{t('events.cancelled')}</span>
      ) : item.myRsvp?.waiting ? (
        <span className="badge badge-warn">{t('events.my_waiting')}</span>
      ) : item.myRsvp?.response === 'yes' ? (
        <span className="badge badge-ok">{t('events.my_yes')}</span>
      ) : null}
    </li>
  );
}
