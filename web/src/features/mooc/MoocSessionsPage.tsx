import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MoocSession } from '../../../../common/contracts/mooc.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { roadmapKeys } from '../roadmap/api.ts';
import { moocKeys, useMoocSessions } from './api.ts';
import { calendarDay } from './calendar-day.ts';
import { SessionForm } from './SessionForm.tsx';

/** The MOOC sessions (cohorts of the course) that feed the network, and a form to record one. */
export default function MoocSessionsPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useMoocSessions(network.slug);
  const list = sessions.data?.sessions ?? [];

  return (
    <div className="page stack">
      <PageHeading title={t('mooc.title')} />
      <p className="muted">{t('mooc.intro')}</p>
      <section className="stack" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('mooc.list_title')}</h2>
        {sessions.isPending && <Loading />}
        {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.isSuccess && list.length === 0 && <p className="empty">{t('mooc.empty')}</p>}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="new-session-heading">
        <h2 id="new-session-heading">{t('mooc.new_title')}</h2>
        <SessionForm
          slug={network.slug}
          onSaved={(created) => {
            void queryClient.invalidateQueries({ queryKey: moocKeys.all(network.slug) });
            void queryClient.invalidateQueries({ queryKey: roadmapKeys.detail(network.slug) });
            navigate(created.id);
          }}
        />
      </section>
    </div>
  );
}

function SessionRow({ session }: { session: MoocSession }) {
  const { t } = useTranslation();
  const g = session.graduates;
  return (
    <li className="row">
      <div className="row-main">
        <p className="strong">
          <Link to={session.id}>
            <UserText>{session.title}</UserText>
          </Link>
        </p>
        <p className="muted small">
          {t('mooc.dates', { start: calendarDay(session.startsOn), end: calendarDay(session.endsOn) })}
        </p>
        <p className="small">
          {t('mooc.counts', { total: g.total, invited: g.invited + g.reminded, joined: g.joined })}
        </p>
      </div>
    </li>
  );
}
