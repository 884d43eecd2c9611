import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isHttpUrl } from '../../../../common/urls.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { moocKeys, useMoocSession } from './api.ts';
import { calendarDay } from './calendar-day.ts';
import { GraduatesSection } from './GraduatesSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { SessionForm } from './SessionForm.tsx';

/** One MOOC session: its details, the graduates import and the graduates with their status. */
export default function MoocSessionPage() {
  const network = useCurrentNetwork();
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useMoocSession(network.slug, sessionId);
  const [saved, setSaved] = useState(false);

  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;

  return (
    <div className="page stack">
      <p>
        <Link to={`/networks/${network.slug}/mooc`}>{t('mooc.back')}</Link>
      </p>
      <PageHeading title={s.title} userText />
      <p className="muted">
        {t('mooc.dates', { start: calendarDay(s.startsOn), end: calendarDay(s.endsOn) })}
        {s.courseUrl && isHttpUrl(s.courseUrl) && (
          <>
            {' · '}
            <a href={s.courseUrl} rel="noopener noreferrer" target="_blank">
              {t('mooc.course_link')}
            </a>
          </>
        )}
      </p>
      <details className="card disclosure">
        <summary>{t('mooc.edit')}</summary>
        {saved && <Alert tone="success">{t('common.saved')}</Alert>}
        <SessionForm
          slug={network.slug}
          session={s}
          onSaved={() => {
            setSaved(true);
            void queryClient.invalidateQueries({ queryKey: moocKeys.all(network.slug) });
          }}
        />
      </details>
      <ImportSection slug={network.slug} sessionId={s.id} />
      <GraduatesSection slug={network.slug} session={s} />
    </div>
  );
}
