import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ProgressionSuggestion } from '../../../../common/contracts/progression.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { SuggestionRow } from './ProgressionPage.tsx';

function translator(lng: 'en' | 'ar'): i18n {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { en: { translation: en }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

const render = (node: ReactNode, lng: 'en' | 'ar' = 'en') =>
  renderToStaticMarkup(<I18nextProvider i18n={translator(lng)}>{node}</I18nextProvider>);

const suggestion: ProgressionSuggestion = {
  userId: 'u1',
  displayName: 'رانية',
  role: 'mentor',
  level: 'beginner',
  joinedAt: '2026-05-01T09:00:00Z',
  step: 'experienced',
  reasons: ['time_in_network', 'help_given'],
};

describe('progression suggestions in the web app', () => {
  it('shows the step, each reason as a sentence and the two buttons for the meta-mentor', () => {
    const html = render(<SuggestionRow suggestion={suggestion} mayDecide onDecide={() => undefined} />);
    expect(html).toContain('dir="auto"');
    expect(html).toContain('Suggested: Experienced mentor');
    expect(html).toContain('In the network for six months or more');
    expect(html).toContain('Helps others with their requests');
    expect(html).toContain('>Confirm<');
    expect(html).toContain('>Dismiss<');
  });

  it('shows no buttons to the office, and reads in Arabic', () => {
    const html = render(
      <SuggestionRow suggestion={suggestion} mayDecide={false} onDecide={() => undefined} />,
      'ar',
    );
    expect(html).not.toContain('<button');
    expect(html).toContain('مقترح: مرشد ذو خبرة');
    expect(html).toContain('يساعد الآخرين في طلباتهم');
  });
});
