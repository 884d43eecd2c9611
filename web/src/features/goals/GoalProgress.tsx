import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../common/contracts/goals.ts';
import { formatNumber } from '../../lib/format.ts';

type Progress = Pick<Goal, 'title' | 'unit' | 'currentValue' | 'targetValue' | 'percent'>;

/** A goal's progress bar and "12 of 20 people" (or nothing for a goal without a target). */
export function GoalProgress({ goal }: { goal: Progress }) {
  const { t, i18n } = useTranslation();
  const format = (n: number, digits?: number) => formatNumber(n, i18n.language, digits);
  if (goal.percent === null) {
    return goal.currentValue === null ? null : (
      <p className="small">{t('goals.value', { value: format(goal.currentValue), unit: goal.unit ?? '' })}</p>
    );
  }
  return (
    <div className="goal-progress">
      <progress max={100} value={goal.percent} aria-label={t('goals.progress_of', { goal: goal.title })} />
      <p className="small">
        {t('goals.progress', {
          current: format(goal.currentValue ?? 0),
          target: format(goal.targetValue ?? 0),
          unit: goal.unit ?? '',
          percent: format(goal.percent, 0),
        })}
      </p>
    </div>
  );
}
