import { QueryClient, QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ActivityList as ActivityListData } from '../../../../common/contracts/activities.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { ApiError } from '../../lib/api-client.ts';
import { type ActivityDraft, ActivityForm } from './ActivityForm.tsx';
import { ActivityList } from './ActivityList.tsx';
import { activitiesCsvUrl, noteFindingsOf } from './api.ts';
import { durationLabel, formatDay } from './labels.ts';
import { DEFAULT_LAST_VALUES, looksLikeName, readLastValues, saveLastValues } from './last-values.ts';
import { lastTwelveMonths, reportDownloadUrl } from './reports.ts';

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

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => void this.data.set(key, value);
}

const draft: ActivityDraft = {
  networkSlug: 'leipzig',
  date: '2026-11-03',
  durationMinutes: '90',
  kind: 'accompaniment',
  topics: ['work', 'housing'],
  menteeCode: 'K-12',
  note: '',
};

describe('the values the log form remembers', () => {
  it('come back as saved, and broken or unknown ones fall back to the defaults', () => {
    const storage = new MemoryStorage();
    expect(readLastValues(storage)).toEqual(DEFAULT_LAST_VALUES);
    saveLastValues(
      {
        networkSlug: 'leipzig',
        kind: 'phone_online',
        durationMinutes: 45,
        topics: ['work'],
        menteeCode: 'A7',
      },
      storage,
    );
    expect(readLastValues(storage)).toEqual({
      networkSlug: 'leipzig',
      kind: 'phone_online',
      durationMinutes: 45,
      topics: ['work'],
      menteeCode: 'A7',
    });
    storage.setItem(
      'mentornet.activity-log.last',
      JSON.stringify({ kind: 'party', durationMinutes: -5, topics: ['work', 'astrology'] }),
    );
    expect(readLastValues(storage)).toMatchObject({ kind: 'meeting', durationMinutes: 60, topics: ['work'] });
    storage.setItem('mentornet.activity-log.last', '{not json');
    expect(readLastValues(storage)).toEqual(DEFAULT_LAST_VALUES);
  });

  it('warn when a mentee code looks like a first name', () => {
    expect(looksLikeName('Amira')).toBe(true);
    expect(looksLikeName('Олег')).toBe(true);
    for (const code of ['A7', 'K-12', 'mx3', 'AB']) expect(looksLikeName(code), code).toBe(false);
  });
});

describe('the log form and list', () => {
  it('shows one screen with the remembered values, the kinds and the privacy hint, in Arabic too', () => {
    const props = {
      draft,
      update: () => {},
      networks: [{ slug: 'leipzig', name: 'Leipzig' }],
      menteeCodes: ['K-12', 'A7'],
      onSubmit: () => {},
      pending: false,
      error: null,
      editing: false,
      maxDate: '2026-12-06',
    };
    const html = render(<ActivityForm {...props} />);
    expect(html).toContain('value="K-12"');
    expect(html).toContain('<option value="A7">');
    expect(html).toContain('Accompaniment to an office');
    expect(html).toMatch(
      /Topics: <span class="muted">Work and Housing|Topics: <span class="muted">Housing and Work/,
    );
    expect(html).toContain('never a name');
    // One network: no network choice.
    expect(html).not.toContain('name="network"');
    const arabic = render(
      <ActivityForm {...props} networks={[...props.networks, { slug: 'b', name: 'B' }]} />,
      'ar',
    );
    expect(arabic).toContain('مرافقة إلى دائرة رسمية');
    expect(arabic).toContain('name="network"');
    expect(render(<ActivityForm {...props} draft={{ ...draft, menteeCode: 'Amira' }} />)).toContain(
      'This looks like a name',
    );
  });

  it('lists entries with the CSV download and formats durations and days', () => {
    const data: ActivityListData = {
      menteeCodes: ['K-12'],
      activities: [
        {
          id: 'a1',
          network: { slug: 'leipzig', name: 'Mentoring Leipzig' },
          date: '2026-11-03',
          durationMinutes: 90,
          kind: 'meeting',
          topics: ['work'],
          menteeCode: 'K-12',
          note: 'Bus route practised',
          noteUnreadable: false,
          privacyConfirmed: false,
          createdAt: '2026-11-03T10:00:00Z',
          updatedAt: '2026-11-03T10:00:00Z',
        },
      ],
    };
    const query = {
      data,
      isPending: false,
      error: null,
      refetch: () => {},
    } as unknown as UseQueryResult<ActivityListData>;
    const html = render(
      <ActivityList query={query} locale="en" onEdit={() => {}} onDelete={async () => {}} deleting={false} />,
    );
    expect(html).toContain('href="/api/me/activities.csv?lang=en"');
    expect(html).toContain('One entry, 1 h 30 min in all');
    expect(html).toContain('Nov 3, 2026');
    expect(html).toContain('<bdi dir="auto">K-12</bdi>');
    expect(html).toContain('aria-describedby="activity-a1"');
    expect(activitiesCsvUrl('ar')).toBe('/api/me/activities.csv?lang=ar');
    const t = translator('en').t;
    expect(durationLabel(t, 45)).toBe('45 min');
    expect(durationLabel(t, 120)).toBe('2 h');
    expect(formatDay('2026-01-01', 'de')).toBe('01.01.2026');
  });

  it('reads the findings of a note the server refused', () => {
    const finding = { kind: 'address', start: 0, end: 5, text: 'Goeth', placeholder: '[address]' };
    expect(noteFindingsOf(new ApiError(422, 'PRIVACY_FINDINGS', 'x', { note: [finding] }))).toEqual([
      finding,
    ]);
    expect(noteFindingsOf(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBeNull();
  });
});

describe('the impact report downloads', () => {
  it('default to the twelve months up to today and carry period, format and language', () => {
    expect(lastTwelveMonths('2026-12-06')).toEqual({ from: '2025-12-07', to: '2026-12-06' });
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-02', to: '2028-02-29' });
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(reportDownloadUrl({ kind: 'network', slug: 'log net' }, period, 'pdf', 'ar')).toBe(
      '/api/networks/log%20net/reports/impact?from=2026-01-01&to=2026-06-30&format=pdf&lang=ar',
    );
    // The report across an organisation's networks has the same query on the organisation's path.
    expect(reportDownloadUrl({ kind: 'organisation', slug: 'welcome-house' }, period, 'csv', 'de')).toBe(
      '/api/organisations/welcome-house/reports/impact?from=2026-01-01&to=2026-06-30&format=csv&lang=de',
    );
  });
});
