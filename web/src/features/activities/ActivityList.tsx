import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityList as ActivityListData } from '../../../../common/contracts/activities.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { expertiseLabel, listFormat } from '../../lib/labels.ts';
import { activitiesCsvUrl } from './api.ts';
import { activityKindLabel, durationLabel, formatDay } from './labels.ts';

interface ActivityListProps {
  query: UseQueryResult<ActivityListData>;
  locale: string;
  onEdit: (activity: Activity) => void;
  onDelete: (activity: Activity) => Promise<unknown>;
  deleting: boolean;
}

/** One's own log, newest first, each entry with edit and delete (after a confirmation). */
export function ActivityList({ query, locale, onEdit, onDelete, deleting }: ActivityListProps) {
  const { t } = useTranslation();
  const [toDelete, setToDelete] = useState<Activity | null>(null);
  const activities = query.data?.activities ?? [];
  const totalMinutes = activities.reduce((sum, a) => sum + a.durationMinutes, 0);
  return (
    <section className="stack" aria-labelledby="activity-list-heading">
      <div className="section-heading">
        <h2 id="activity-list-heading">{t('activities.list_title')}</h2>
        {activities.length > 0 && (
          <a className="button button-secondary" href={activitiesCsvUrl(locale)} download>
            {t('activities.download_csv')}
          </a>
        )}
      </div>
      {query.isPending && <Loading />}
      {query.error && <QueryError error={query.error} onRetry={() => query.refetch()} />}
      {query.data && activities.length === 0 && <p className="muted">{t('activities.empty')}</p>}
      {activities.length > 0 && (
        <p className="muted">
          {t('activities.summary', { count: activities.length, total: durationLabel(t, totalMinutes) })}
        </p>
      )}
      <ul className="activity-list">
        {activities.map((a) => (
          <li key={a.id} className="card activity-row">
            <p className="activity-row-head" id={`activity-${a.id}`}>
              <strong>{formatDay(a.date, locale)}</strong>
              <span>{durationLabel(t, a.durationMinutes)}</span>
              <span>{activityKindLabel(t, a.kind)}</span>
              <span className="activity-code">
                <UserText>{a.menteeCode}</UserText>
              </span>
            </p>
            <p className="muted small">
              <UserText>{a.network.name}</UserText>
              {a.topics.length > 0 &&
                ` · ${listFormat(
                  a.topics.map((topic) => expertiseLabel(t, topic)),
                  locale,
                )}`}
            </p>
            {a.note && (
              <p className="activity-note">
                <UserText>{a.note}</UserText>
              </p>
            )}
            <div className="actions">
              <Button variant="secondary" aria-describedby={`activity-${a.id}`} onClick={() => onEdit(a)}>
                {t('activities.edit')}
              </Button>
              <Button variant="quiet" aria-describedby={`activity-${a.id}`} onClick={() => setToDelete(a)}>
                {t('activities.delete')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={toDelete !== null}
        message={t('activities.delete_confirm')}
        confirmLabel={t('activities.delete')}
        pending={deleting}
        onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          if (toDelete) await onDelete(toDelete);
          setToDelete(null);
        }}
      />
    </section>
  );
}
