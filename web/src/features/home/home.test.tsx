import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { applicationKeys } from '../applications/api.ts';
import { authKeys } from '../auth/api.ts';
import { networkKeys } from '../networks/api.ts';
import { organisationKeys } from '../organisations/api.ts';
import HomePage from './HomePage.tsx';

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

const network = (slug: string, role: string | null) => ({
  slug,
  name: slug,
  role,
  region: null,
  languages: [],
  acceptedCurrent: true,
});

function render(lng: 'en' | 'ar') {
  const client = new QueryClient();
  client.setQueryData(authKeys.me, {
    id: 'u1',
    displayName: 'Mira Member',
    email: 'mira@example.org',
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  client.setQueryData(networkKeys.mine, {
    networks: [network('harbour', 'mentor'), network('hills', 'meta_mentor')],
  });
  client.setQueryData(organisationKeys.mine, { organisations: [] });
  client.setQueryData(applicationKeys.mine, { applications: [] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={translator(lng)}>
        <MemoryRouter>
          <HomePage />
        </MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('home page', () => {
  it('leads a member to their own volunteer record in each of their networks', () => {
    const html = render('en');
    expect(html).toMatch(/<a href="\/networks\/harbour\/members\/me\/record"[^>]*>My volunteer record<\/a>/);
    expect(html).toMatch(/<a href="\/networks\/hills\/members\/me\/record"[^>]*>My volunteer record<\/a>/);
    expect(render('ar')).toContain('>سجلي التطوعي</a>');
  });
});
