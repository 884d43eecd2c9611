import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../common/contracts/goals.ts';

type Progress = Pick<Goal, 'title' | 'unit' | 'currentValue' | 'targetValue' | 'percent'>;

/** A goal's progress bar and "12 of 20 people" (or nothing for a goal without a target). */
export function GoalProgress({ goal }: { goal: Progress }) {
  const { t } = useTranslation();
  if (goal.percent === null) {
    return goal.currentValue === null ? null : (
      <p className="small">{t('goals.value', { value: goal.currentValue, unit: goal.unit ?? '' })}</p>
    );
  }
  return (
    <div className="goal-progress">
      <progress max={100} value={goal.percent} aria-label={t('goals.progress_of', { goal: goal.title })} />
      <p className="small">
        {t('goals.progress', {
          current: goal.currentValue ?? 0,
          target: goal.targetValue ?? 0,
          unit: goal.unit ?? '',
          percent: Math.round(goal.percent),
        })}
      </p>
    </div>
  );
}
