import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { GoalDetail } from '../../../../common/contracts/goals.ts';
import de from '../../../../common/i18n/de.json';
import en from '../../../../common/i18n/en.json';
import { GoalChart } from './GoalChart.tsx';
import { GoalHistory } from './GoalHistory.tsx';
import { GoalProgress } from './GoalProgress.tsx';

const goal: GoalDetail = {
  id: 'g1',
  title: 'Wohnungen gefunden',
  description: '',
  unit: 'Wohnungen',
  startValue: 0,
  targetValue: 1500,
  dueOn: null,
  currentValue: 1234.5,
  percent: 82.3,
  updateCount: 1,
  lastUpdateAt: '2026-12-05T10:00:00Z',
  archived: false,
  createdBy: null,
  createdAt: '2026-03-14T10:00:00Z',
  updates: [{ id: 'u1', value: 1234.5, comment: '', author: null, createdAt: '2026-12-05T10:00:00Z' }],
};

function render(node: React.ReactNode, lng: 'en' | 'de') {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}

describe('the goal chart and its numbers in the reader’s language', () => {
  it('labels the axis with days in the reader’s order, never the US short form', () => {
    const german = render(<GoalChart goal={goal} />, 'de');
    expect(german).toContain('>14.03.2026<');
    expect(german).toContain('>05.12.2026<');
    expect(german).not.toContain('12/5/26');
    const english = render(<GoalChart goal={goal} />, 'en');
    expect(english).toContain('>Dec 5, 2026<');
    expect(english).not.toContain('12/5/26');
  });

  it('writes values with the reader’s decimal and grouping signs', () => {
    const german = render(<GoalChart goal={goal} />, 'de');
    expect(german).toContain('zuletzt 1.234,5 Wohnungen, Ziel 1.500');
    expect(render(<GoalHistory goal={goal} />, 'de')).toContain('<td>1.234,5</td>');
    expect(render(<GoalProgress goal={goal} />, 'de')).toContain('1.234,5');
    expect(render(<GoalProgress goal={goal} />, 'en')).toContain('1,234.5 of 1,500 Wohnungen');
  });
});
