import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthWeek } from '../../../../common/contracts/network-health.ts';
import { dateTimeFormat } from '../../../../common/intl-fallback.ts';
import { formatNumber } from '../../lib/format.ts';
import { calendarDay } from '../mooc/calendar-day.ts';

const WIDTH = 340;
const HEIGHT = 150;
const PAD = { top: 10, right: 8, bottom: 22, left: 34 };

export interface ChartSeries {
  /** A figure of the week (numbers only; null counts as a gap). */
  value: (week: HealthWeek) => number | null;
  label: string;
}

/**
 * Bars per week, one colour per series (at most three), drawn as inline SVG — no chart library,
 * nothing loaded for other pages. Readable at 390 px: few labels, values in the table below.
 * Screen readers get a one-line summary and the same figures as a table (also shown on request).
 */
export function WeeklyChart({
  title,
  weeks,
  series,
  format = (n, locale) => formatNumber(n, locale),
}: {
  title: string;
  weeks: HealthWeek[];
  series: ChartSeries[];
  format?: (n: number, locale: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const values = weeks.flatMap((w) => series.map((s) => s.value(w) ?? 0));
  const high = Math.max(1, ...values);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, weeks.length);
  const bar = Math.max(1, (slot * 0.8) / series.length);
  const y = (v: number) => PAD.top + (1 - v / high) * plotHeight;
  const weekLabel = (w: HealthWeek) => t('health.chart.week_of', { date: calendarDay(w.weekStart) });
  const last = weeks[weeks.length - 1];
  const summary = t('health.chart.summary', {
    title,
    weeks: weeks.length,
    latest: last ? series.map((s) => `${s.label} ${format(s.value(last) ?? 0, locale)}`).join(', ') : '—',
  });

  return (
    <figure className="health-chart stack">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} direction="ltr">
        <title id={titleId}>{summary}</title>
        <line className="chart-axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        <text className="chart-label" x={PAD.left - 4} y={y(high) + 4} textAnchor="end">
          {format(high, locale)}
        </text>
        <text className="chart-label" x={PAD.left - 4} y={y(0) + 4} textAnchor="end">
          {format(0, locale)}
        </text>
        {weeks.map((w, i) =>
          series.map((s, k) => {
            const v = s.value(w) ?? 0;
            return (
              <rect
                key={`${w.weekStart}-${s.label}`}
                className={`chart-bar chart-bar-${k}`}
                x={PAD.left + i * slot + slot * 0.1 + k * bar}
                y={y(v)}
                width={bar}
                height={Math.max(0, y(0) - y(v))}
              />
            );
          }),
        )}
        {weeks[0] && (
          <text className="chart-label" x={PAD.left} y={HEIGHT - 6} textAnchor="start">
            {formatShort(weeks[0].weekStart, locale)}
          </text>
        )}
        {last && weeks.length > 1 && (
          <text className="chart-label" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
            {formatShort(last.weekStart, locale)}
          </text>
        )}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend small" aria-hidden="true">
          {series.map((s, k) => (
            <li key={s.label}>
              <span className={`chart-swatch chart-bar-${k}`} /> {s.label}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('health.chart.show_table')}</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
        <section className="table-wrap" tabIndex={0} aria-label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('health.chart.week')}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{weekLabel(w)}</th>
                  {series.map((s) => {
                    const v = s.value(w);
                    return <td key={s.label}>{v === null ? '—' : format(v, locale)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}

/** Day and month only, for the axis. */
function formatShort(day: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(calendarDay(day));
}
