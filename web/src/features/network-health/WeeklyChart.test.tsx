import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { HealthWeek } from '../../../../common/contracts/network-health.ts';
import ar from '../../../../common/i18n/ar.json';
import de from '../../../../common/i18n/de.json';
import { spanStart } from './api.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

const week = (weekStart: string, active7: number, minutes: number | null): HealthWeek => ({
  weekStart,
  active7,
  active30: active7 + 10,
  members: 1200,
  newMembers: 0,
  leavers: 0,
  discussions: 0,
  replies: 0,
  messages: 0,
  helpOpened: 0,
  helpAnswered: 0,
  helpResolved: 0,
  medianFirstAnswerMinutes: minutes,
  eventsHeld: 0,
  attendance: 0,
});
const weeks = [week('2026-11-23', 1234, 90), week('2026-11-30', 980, null)];

function render(node: React.ReactNode, lng: 'de' | 'ar') {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { de: { translation: de }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}

describe('weekly chart', () => {
  it('draws a bar per week and series, and gives the same figures as a table in the reader’s locale', () => {
    const html = render(
      <WeeklyChart
        title="Aktive Mitglieder"
        weeks={weeks}
        series={[
          { label: '7 Tage', value: (w) => w.active7 },
          { label: '30 Tage', value: (w) => w.active30 },
        ]}
      />,
      'de',
    );
    expect(html.match(/<rect/g)).toHaveLength(4);
    expect(html).toContain('role="img"');
    expect(html).toContain('<th scope="col">7 Tage</th>');
    // German grouping, and the week named by its Monday.
    expect(html).toContain('<td>1.234</td>');
    const monday = new Intl.DateTimeFormat('de', { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date('2026-11-23T12:00:00'),
    );
    expect(html).toContain(`Woche ab ${monday}`);
  });

  it('writes numbers as an Arabic reader’s locale does, and a dash for a week without a figure', () => {
    const html = render(
      <WeeklyChart
        title="t"
        weeks={weeks}
        series={[{ label: 'h', value: (w) => w.medianFirstAnswerMinutes }]}
      />,
      'ar',
    );
    expect(html).toContain(`<td>${new Intl.NumberFormat('ar').format(90)}</td>`);
    expect(html).toContain('<td>—</td>');
  });

  it('starts a span on the Monday of the first of its whole weeks', () => {
    expect(spanStart(12, new Date('2026-12-06T10:00:00Z'))).toBe('2026-09-14');
    expect(spanStart(1, new Date('2026-11-30T00:30:00Z'))).toBe('2026-11-30');
  });
});
