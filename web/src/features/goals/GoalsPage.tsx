import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { calendarDay } from '../mooc/calendar-day.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { roadmapKeys } from '../roadmap/api.ts';
import { goalKeys, useGoals } from './api.ts';
import { GoalForm } from './GoalForm.tsx';
import { GoalProgress } from './GoalProgress.tsx';

/** The network's goals with their progress; meta-mentors define new ones here. */
export default function GoalsPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [archived, setArchived] = useState(false);
  const goals = useGoals(network.slug, archived);
  const list = goals.data?.goals ?? [];

  return (
    <div className="page stack">
      <PageHeading title={t('goals.title')} />
      <p className="muted">{t('goals.intro')}</p>
      <section className="stack" aria-labelledby="goal-list-heading">
        <div className="section-head">
          <h2 id="goal-list-heading">{archived ? t('goals.archived_title') : t('goals.open_title')}</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('goals.filter')}</legend>
            <Button
              variant={archived ? 'secondary' : 'primary'}
              aria-pressed={!archived}
              onClick={() => setArchived(false)}
            >
              {t('goals.filter_open')}
            </Button>
            <Button
              variant={archived ? 'primary' : 'secondary'}
              aria-pressed={archived}
              onClick={() => setArchived(true)}
            >
              {t('goals.filter_archived')}
            </Button>
          </fieldset>
        </div>
        {goals.isPending && <Loading />}
        {goals.isError && <QueryError error={goals.error} onRetry={() => void goals.refetch()} />}
        {goals.isSuccess && list.length === 0 && (
          <p className="empty">{archived ? t('goals.empty_archived') : t('goals.empty')}</p>
        )}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((g) => (
              <li key={g.id} className="row">
                <div className="row-main stack-tight">
                  <p className="strong">
                    <Link to={g.id}>
                      <UserText>{g.title}</UserText>
                    </Link>
                  </p>
                  <GoalProgress goal={g} />
                  <p className="muted small">
                    {[
                      g.dueOn && t('goals.due', { date: calendarDay(g.dueOn) }),
                      t('goals.update_count', { count: g.updateCount }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {can(network, 'goals.manage') && (
        <section className="card stack" aria-labelledby="new-goal-heading">
          <h2 id="new-goal-heading">{t('goals.new_title')}</h2>
          <GoalForm
            slug={network.slug}
            onSaved={(goal) => {
              void queryClient.invalidateQueries({ queryKey: goalKeys.all(network.slug) });
              void queryClient.invalidateQueries({ queryKey: roadmapKeys.detail(network.slug) });
              navigate(goal.id);
            }}
          />
        </section>
      )}
    </div>
  );
}
