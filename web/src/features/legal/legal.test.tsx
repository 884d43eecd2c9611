import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../common/contracts/auth.ts';
import type { CurrentLegal, LegalVersion, PendingLegalVersion } from '../../../../common/contracts/legal.ts';
import en from '../../../../common/i18n/en.json';
import { authKeys } from '../auth/api.ts';
import { hasPublishedLegal, legalKeys, shownVersions } from './api.ts';
import { ConsentField } from './ConsentField.tsx';
import LegalAdminPage from './LegalAdminPage.tsx';
import { LegalGateCard } from './LegalGate.tsx';
import { renderPage as render, translator } from '../../test-support/render.tsx';

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

describe('asking again after a new version', () => {
  const changed: PendingLegalVersion = {
    ...version('privacy', 2),
    summary: 'We keep messages for one year now.',
    changes: {
      sinceVersion: 1,
      parts: [
        { change: 'unchanged', text: '# Privacy notice\n' },
        { change: 'removed', text: 'Messages are kept for two years.\n' },
        { change: 'added', text: 'Messages are kept for one year.\n' },
      ],
    },
  };

  it('tells a returning person what changed since the version they accepted, with one button', () => {
    const html = render(<LegalGateCard pending={[changed]} />);
    expect(html).toContain('We have updated our privacy notice or terms of use');
    expect(html).toContain('What changed since version 1, which you accepted');
    expect(html).toContain('We keep messages for one year now.');
    expect(html).toMatch(/<del>.*Messages are kept for two years\./);
    expect(html).toMatch(/<ins>.*Messages are kept for one year\./);
    expect(html).toContain('href="/privacy"');
    expect(html).toContain('I accept it');
  });

  it('asks a first reader to accept both texts, without a comparison', () => {
    const first = [
      { ...version('privacy', 2), changes: null },
      { ...version('terms', 1), changes: null },
    ];
    const html = render(<LegalGateCard pending={first} />, 'ar');
    expect(html).toContain('يُرجى الموافقة على إشعار الخصوصية وشروط الاستخدام');
    expect(html).not.toContain('<del>');
    expect(html).toContain('href="/terms"');
    expect(html).toContain('أوافق عليهما');
  });
});

describe('the platform admin page for the legal texts', () => {
  const me = (isPlatformAdmin: boolean): Me => ({
    id: 'u1',
    email: 'ada@example.org',
    displayName: 'Ada Admin',
    locale: 'en',
    emailVerified: true,
    isPlatformAdmin,
    createdAt: '2026-01-01T10:00:00Z',
  });
  const page = (user: Me, path: string) => {
    const client = new QueryClient();
    client.setQueryData(authKeys.me, user);
    client.setQueryData(legalKeys.current, { privacy: version('privacy', 2), terms: null });
    return renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={translator('en')}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/admin/legal/:kind" element={<LegalAdminPage />} />
            </Routes>
          </MemoryRouter>
        </I18nextProvider>
      </QueryClientProvider>,
    );
  };

  it('edits the current text into the next version, with both templates offered', () => {
    const html = page(me(true), '/admin/legal/privacy');
    expect(html).toContain('Privacy notice, version 2 of');
    expect(html).toContain('# privacy 2</textarea>');
    expect(html).toContain('Publish version 3');
    expect(html).toContain('Use the English template');
    expect(html).toContain('Use the German template');
  });

  it('starts the first version of an unpublished text empty', () => {
    const html = page(me(true), '/admin/legal/terms');
    expect(html).toContain('No terms of use have been published yet.');
    expect(html).toContain('Publish version 1');
  });

  it('refuses anyone but a platform admin', () => {
    const html = page(me(false), '/admin/legal/privacy');
    expect(html).toContain(en.errors.FORBIDDEN);
    expect(html).not.toContain('Publish version');
  });
});
