import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CurrentLegal, LegalVersion } from '../../../../common/contracts/legal.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { hasPublishedLegal, shownVersions } from './api.ts';
import { ConsentField } from './ConsentField.tsx';

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
  renderToStaticMarkup(
    <I18nextProvider i18n={translator(lng)}>
      <MemoryRouter>{node}</MemoryRouter>
    </I18nextProvider>,
  );

const version = (kind: LegalVersion['kind'], n: number): LegalVersion => ({
  kind,
  version: n,
  body: `# ${kind} ${n}`,
  bodyHtml: `<h2>${kind} ${n}</h2>`,
  summary: '',
  publishedAt: '2026-12-01T09:00:00Z',
});

const none: CurrentLegal = { privacy: null, terms: null };
const both: CurrentLegal = { privacy: version('privacy', 3), terms: version('terms', 1) };

describe('consent at sign-up', () => {
  it('sends the versions the page showed, and nothing while no text is published', () => {
    expect(shownVersions(both)).toEqual({ privacy: 3, terms: 1 });
    expect(shownVersions({ ...none, terms: version('terms', 2) })).toEqual({ terms: 2 });
    expect(shownVersions(none)).toEqual({});
    expect(hasPublishedLegal(none)).toBe(false);
    expect(hasPublishedLegal({ ...none, privacy: version('privacy', 1) })).toBe(true);
  });

  it('asks with a box that links to the published texts and names only those', () => {
    expect(render(<ConsentField current={none} />)).toBe('');
    const html = render(<ConsentField current={both} />);
    expect(html).toContain('name="consent"');
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('href="/terms"');
    expect(html).toContain('I accept the privacy notice and the terms of use.');
    const privacyOnly = render(<ConsentField current={{ ...none, privacy: version('privacy', 1) }} />);
    expect(privacyOnly).toContain('I accept the privacy notice.');
    expect(privacyOnly).not.toContain('href="/terms"');
  });

  it('shows why the box is needed next to it, in the person’s language', () => {
    const html = render(
      <ConsentField current={both} error={translator('ar').t('legal.consent.missing')} />,
      'ar',
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('أوافق على إشعار الخصوصية وشروط الاستخدام.');
    expect(html).toContain('ضع علامة في المربع');
  });
});
