import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import type { GoalSummary } from '../../../../common/contracts/goals.ts';
import { useGoalSummary } from './api.ts';
import { GoalProgress } from './GoalProgress.tsx';

/** The network's open goals with their progress, at a glance on the network home. */
export function GoalsSummarySection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const summary = useGoalSummary(slug);
  // While it loads, the section holds its place: appearing later, it would push the page down.
  if (!summary.data && !summary.isPending) return null;
  return (
    <section className="card stack" aria-labelledby="goals-summary-heading">
      <div className="section-head">
        <h2 id="goals-summary-heading">{t('goals.summary_title')}</h2>
        <Link to={`/networks/${slug}/goals`}>{t('goals.see_all')}</Link>
      </div>
      {summary.data ? <GoalsSummary slug={slug} summary={summary.data} /> : <Loading />}
    </section>
  );
}

function GoalsSummary({ slug, summary }: { slug: string; summary: GoalSummary }) {
  const { t } = useTranslation();
  const { goals, averagePercent } = summary;
  return goals.length === 0 ? (
    <p className="empty">{t('goals.empty')}</p>
  ) : (
    <>
      {averagePercent !== null && (
        <p className="muted">{t('goals.average', { percent: Math.round(averagePercent) })}</p>
      )}
      <ul className="plain-list goal-summary">
        {goals.map((g) => (
          <li key={g.id} className="stack-tight">
            <Link to={`/networks/${slug}/goals/${g.id}`} className="strong">
              <UserText>{g.title}</UserText>
            </Link>
            <GoalProgress goal={g} />
          </li>
        ))}
      </ul>
    </>
  );
}
