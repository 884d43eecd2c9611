import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatNumber } from '../../lib/format.ts';
import { calendarDay } from '../mooc/calendar-day.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { roadmapKeys } from '../roadmap/api.ts';
import { goalKeys, updateGoal, useGoal } from './api.ts';
import { GoalChart } from './GoalChart.tsx';
import { GoalForm } from './GoalForm.tsx';
import { GoalHistory } from './GoalHistory.tsx';
import { GoalProgress } from './GoalProgress.tsx';
import { GoalUpdateForm } from './GoalUpdateForm.tsx';

/** One goal: its indicator, the history as a chart and a table, progress updates, and editing. */
export default function GoalPage() {
  const network = useCurrentNetwork();
  const { goalId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const goal = useGoal(network.slug, goalId);
  const [archiving, setArchiving] = useState(false);
  const [saved, setSaved] = useState(false);
  const store = (data: GoalDetail) => {
    queryClient.setQueryData(goalKeys.detail(network.slug, goalId), data);
    void queryClient.invalidateQueries({ queryKey: goalKeys.all(network.slug), exact: false });
    void queryClient.invalidateQueries({ queryKey: roadmapKeys.detail(network.slug) });
  };
  const archive = useMutation({
    mutationFn: (archived: boolean) => updateGoal(network.slug, goalId, { archived }),
    onSuccess: (data) => {
      setArchiving(false);
      store(data);
    },
  });

  if (goal.isPending) return <Loading />;
  if (goal.isError) return <QueryError error={goal.error} onRetry={() => void goal.refetch()} />;
  const g = goal.data;
  const mayManage = can(network, 'goals.manage');

  return (
    <div className="page stack">
      <p>
        <Link to={`/networks/${network.slug}/goals`}>{t('goals.back')}</Link>
      </p>
      <PageHeading title={g.title} userText />
      {g.archived && <Alert tone="info">{t('goals.archived_note')}</Alert>}
      {g.description && (
        <p className="prewrap" dir="auto">
          {g.description}
        </p>
      )}
      <dl className="facts goal-facts">
        {g.unit && (
          <div>
            <dt>{t('goals.form.unit')}</dt>
            <dd>{g.unit}</dd>
          </div>
        )}
        {g.startValue !== null && (
          <div>
            <dt>{t('goals.form.start_value')}</dt>
            <dd>{formatNumber(g.startValue, i18n.language)}</dd>
          </div>
        )}
        {g.targetValue !== null && (
          <div>
            <dt>{t('goals.form.target_value')}</dt>
            <dd>{formatNumber(g.targetValue, i18n.language)}</dd>
          </div>
        )}
        {g.dueOn && (
          <div>
            <dt>{t('goals.form.due_on')}</dt>
            <dd>{t('goals.day', { date: calendarDay(g.dueOn) })}</dd>
          </div>
        )}
      </dl>
      <GoalProgress goal={g} />

      <section className="card stack" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('goals.history_title')}</h2>
        <GoalChart goal={g} />
        <GoalHistory goal={g} />
      </section>

      {can(network, 'goals.update') && !g.archived && (
        <section className="card stack" aria-labelledby="update-heading">
          <h2 id="update-heading">{t('goals.update.title')}</h2>
          <GoalUpdateForm slug={network.slug} goal={g} onSaved={store} />
        </section>
      )}

      {mayManage && (
        <details className="card disclosure">
          <summary>{t('goals.edit')}</summary>
          {saved && <Alert tone="success">{t('common.saved')}</Alert>}
          <GoalForm
            slug={network.slug}
            goal={g}
            onSaved={(data) => {
              setSaved(true);
              store(data);
            }}
          />
        </details>
      )}
      {mayManage && (
        <div>
          {g.archived ? (
            <Button variant="secondary" pending={archive.isPending} onClick={() => archive.mutate(false)}>
              {t('goals.restore')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setArchiving(true)}>
              {t('goals.archive')}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={archiving}
        tone="primary"
        message={t('goals.archive_confirm', { goal: g.title })}
        confirmLabel={t('goals.archive')}
        pending={archive.isPending}
        onConfirm={() => archive.mutate(true)}
        onCancel={() => {
          setArchiving(false);
          archive.reset();
        }}
      >
        {archive.isError && <Alert tone="error">{archive.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}
