import { useTranslation } from 'react-i18next';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import { formatNumber } from '../../lib/format.ts';

/** Every progress update, newest first: the chart's data as a table, with the comments. */
export function GoalHistory({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  if (goal.updates.length === 0) return <p className="empty">{t('goals.history_empty')}</p>;
  const updates = [...goal.updates].reverse();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard
    <section className="table-wrap" aria-label={t('goals.history_table')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('goals.history_table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('goals.update.when')}</th>
            <th scope="col">{t('goals.update.value')}</th>
            <th scope="col">{t('goals.update.comment')}</th>
            <th scope="col">{t('goals.update.by')}</th>
          </tr>
        </thead>
        <tbody>
          {updates.map((u) => (
            <tr key={u.id}>
              <th scope="row">{t('goals.update.at', { date: new Date(u.createdAt) })}</th>
              <td>{u.value === null ? '—' : formatNumber(u.value, i18n.language)}</td>
              <td className="prewrap" dir="auto">
                {u.comment || '—'}
              </td>
              <td>{u.author?.displayName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
