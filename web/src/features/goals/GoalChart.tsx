import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 12, right: 12, bottom: 24, left: 40 };

interface Point {
  at: Date;
  value: number;
}

/** The points of the history: the start value when the goal was set, then every reported value. */
export function chartPoints(goal: GoalDetail): Point[] {
  const points: Point[] = [];
  if (goal.startValue !== null) points.push({ at: new Date(goal.createdAt), value: goal.startValue });
  for (const u of goal.updates)
    if (u.value !== null) points.push({ at: new Date(u.createdAt), value: u.value });
  return points;
}

/**
 * A small line chart of the indicator over time, drawn as inline SVG (no chart library), with
 * the target as a dashed line. Screen readers get a one-line summary here and the table below.
 */
export function GoalChart({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const points = chartPoints(goal);
  if (points.length === 0) return <p className="empty">{t('goals.chart.empty')}</p>;

  const values = points.map((p) => p.value);
  if (goal.targetValue !== null) values.push(goal.targetValue);
  let low = Math.min(0, ...values);
  let high = Math.max(...values);
  if (high === low) high = low + 1;
  const margin = (high - low) * 0.05;
  low -= low === 0 ? 0 : margin;
  high += margin;
  const first = points[0]?.at.getTime() ?? 0;
  const last = points[points.length - 1]?.at.getTime() ?? first;
  const span = Math.max(last - first, 1);
  const x = (at: Date) =>
    points.length === 1
      ? PAD.left + (WIDTH - PAD.left - PAD.right) / 2
      : PAD.left + ((at.getTime() - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const format = (n: number) => formatNumber(n, locale);
  const latest = format(points[points.length - 1]?.value ?? 0);

  return (
    <figure className="goal-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        direction="ltr"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>
          {goal.targetValue === null
            ? t('goals.chart.summary', { count: points.length, latest, unit: goal.unit ?? '' })
            : t('goals.chart.summary_target', {
                count: points.length,
                latest,
                target: format(goal.targetValue),
                unit: goal.unit ?? '',
              })}
        </title>
        <line
          className="chart-axis"
          x1={PAD.left}
          y1={HEIGHT - PAD.bottom}
          x2={WIDTH - PAD.right}
          y2={HEIGHT - PAD.bottom}
        />
        <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} />
        <text className="chart-label" x={PAD.left - 4} y={y(high - margin) + 4} textAnchor="end">
          {format(high - margin)}
        </text>
        <text className="chart-label" x={PAD.left - 4} y={y(low) + 4} textAnchor="end">
          {format(low)}
        </text>
        {goal.targetValue !== null && (
          <line
            className="chart-target"
            x1={PAD.left}
            y1={y(goal.targetValue)}
            x2={WIDTH - PAD.right}
            y2={y(goal.targetValue)}
          />
        )}
        <polyline className="chart-line" points={path} />
        {points.map((p) => (
          <circle
            key={`${p.at.getTime()}-${p.value}`}
            className="chart-dot"
            cx={x(p.at)}
            cy={y(p.value)}
            r={3.5}
          />
        ))}
        <text className="chart-label" x={PAD.left} y={HEIGHT - 6} textAnchor="start">
          {points[0] && formatDate(points[0].at, locale)}
        </text>
        {points.length > 1 && (
          <text className="chart-label" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
            {formatDate(points[points.length - 1]?.at ?? first, locale)}
          </text>
        )}
      </svg>
      {goal.targetValue !== null && (
        <figcaption className="small muted">
          <span className="chart-key" aria-hidden="true" />{' '}
          {t('goals.chart.target_key', { target: goal.targetValue })}
        </figcaption>
      )}
    </figure>
  );
}
