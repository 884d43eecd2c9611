import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ResourceConflict, ResourceSummary } from '../../../../common/contracts/resources.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { ApiError } from '../../lib/api-client.ts';
import { conflictOf, parseTags } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { ExpertiseChoices } from './ExpertiseChoices.tsx';
import { ResourceRow } from './ResourceRow.tsx';
import { filtersFromParams } from './ResourcesPage.tsx';

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
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={translator(lng)}>
        <MemoryRouter>{node}</MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>,
  );

const summary: ResourceSummary = {
  shareWithPartners: false,
  origin: null,
  id: 'r1',
  kind: 'page',
  title: 'دليل الترحيب',
  excerpt: 'First steps for new mentors',
  url: null,
  fileName: null,
  tags: ['onboarding'],
  language: 'ar',
  expertise: [],
  region: null,
  revision: 3,
  updatedAt: '2026-12-01T09:00:00Z',
  updatedBy: { id: 'u1', displayName: 'Anna Mentor', formerMember: false },
  startHere: null,
};

describe('resources in the web app', () => {
  it('shows a row with kind, isolated title, author and tag link, in English and Arabic', () => {
    const html = render(<ResourceRow slug="net" resource={summary} />);
    expect(html).toContain('href="/networks/net/resources/r1"');
    expect(html).toContain('dir="auto"');
    expect(html).toContain('Page');
    expect(html).toContain('Anna Mentor');
    expect(html).toContain('href="/networks/net/resources?tag=onboarding"');
    expect(render(<ResourceRow slug="net" resource={summary} />, 'ar')).toContain('صفحة');
  });

  it('marks added and removed lines of a diff for everyone', () => {
    const html = render(
      <DiffView
        label="Changes"
        parts={[
          { op: 'same', text: '# Title\n' },
          { op: 'remove', text: 'old line\n' },
          { op: 'add', text: 'new line\n' },
        ]}
      />,
    );
    expect(html).toContain('<del class="diff-remove"><span class="visually-hidden">Removed: </span>old line');
    expect(html).toContain('<ins class="diff-add"><span class="visually-hidden">Added: </span>new line');
  });

  it('reads a conflict answer and nothing else as a conflict', () => {
    const details: ResourceConflict = {
      current: { revision: 4, title: 'T', body: 'theirs', author: null, createdAt: '2026-12-01T09:00:00Z' },
      yours: { baseRevision: 3, title: 'T', body: 'mine' },
      diff: [],
    };
    expect(conflictOf(new ApiError(409, 'RESOURCE_EDIT_CONFLICT', 'x', details))).toEqual(details);
    expect(conflictOf(new ApiError(409, 'HELP_REQUEST_CHANGED', 'x', details))).toBeNull();
    expect(conflictOf(new Error('x'))).toBeNull();
  });

  it('parses tags and the list filters from the address', () => {
    expect(parseTags(' Onboarding, housing,,onboarding ')).toEqual(['onboarding', 'housing']);
    expect(filtersFromParams(new URLSearchParams('kind=link&tag=a&text=%20flat%20&kind2=x'))).toEqual({
      kind: 'link',
      tag: 'a',
      language: undefined,
      expertise: undefined,
      text: 'flat',
    });
    expect(filtersFromParams(new URLSearchParams('kind=video')).kind).toBeUndefined();
  });
});

describe('the editor’s expertise areas', () => {
  it('offers every area as a checkbox under one legend, the chosen ones ticked', () => {
    const html = render(<ExpertiseChoices value={['housing']} onChange={() => {}} />);
    expect(html).toContain('<legend>Areas of expertise (optional)</legend>');
    expect(html.match(/type="checkbox"/g)).toHaveLength(14);
    expect(html).toMatch(/checked="" value="housing"/);
    expect(html).not.toMatch(/checked="" value="work"/);
    expect(render(<ExpertiseChoices value={[]} onChange={() => {}} />, 'ar')).toContain('مجالات الخبرة');
  });
});
