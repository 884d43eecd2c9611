import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NetworkHealth } from '../../../../common/contracts/network-health.ts';
import { UserText } from '../../components/UserText.tsx';
import { formatNumber } from '../../lib/format.ts';
import { isolate } from '../../lib/isolate.tsx';
import { calendarDay } from '../mooc/calendar-day.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';

/** The network's open goals with their progress (everyone inside sees them). */
export function GoalsSection({ health }: { health: NetworkHealth }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack" aria-labelledby="health-goals">
      <h2 id="health-goals">{t('health.goals.heading')}</h2>
      {health.goals.length === 0 ? (
        <p className="empty">{t('health.goals.none')}</p>
      ) : (
        <ul className="rows">
          {health.goals.map((g) => (
            <li key={g.id} className="row">
              <div>
                <UserText>{g.title}</UserText>
                <p className="small muted">
                  {g.percent !== null &&
                    t('health.goals.progress', { percent: formatNumber(g.percent, i18n.language, 0) })}{' '}
                  {g.dueOn && t('health.goals.due', { date: calendarDay(g.dueOn) })}{' '}
                  {g.overdue && <strong>{t('health.goals.overdue')}</strong>}
                </p>
              </div>
              {g.percent !== null && (
                <progress
                  max={100}
                  value={g.percent}
                  aria-label={t('health.goals.progress_of', { title: isolate(g.title) })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The network's coming events (everyone inside sees them). */
export function EventsSection({ health }: { health: NetworkHealth }) {
  const { t } = useTranslation();
  const network = useCurrentNetwork();
  return (
    <section className="stack" aria-labelledby="health-events">
      <h2 id="health-events">{t('health.events.heading')}</h2>
      {health.upcomingEvents.length === 0 ? (
        <p className="empty">{t('health.events.none')}</p>
      ) : (
        <ul className="rows">
          {health.upcomingEvents.map((e) => (
            <li key={e.id} className="row">
              <Link to={`/networks/${network.slug}/events/${e.id}`}>
                <UserText>{e.title}</UserText>
              </Link>
              <span className="small muted">
                {e.recurring
                  ? t('health.events.series')
                  : t('health.events.at', { date: new Date(e.startsAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
