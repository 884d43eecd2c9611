import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Event, EventList, EventListItem } from '../../../../common/contracts/events.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { attendanceOccurrence } from './AttendanceSection.tsx';
import { bodyOf, draftOf, emptyDraft } from './draft.ts';
import { EventForm } from './EventEditorPage.tsx';
import { EventRow } from './EventRow.tsx';
import { formatInEventZone, formatOccurrence } from './format.ts';
import { eventWithCounts, listWithCounts } from './live.ts';
import { OccurrenceActions } from './OccurrenceActions.tsx';

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

const occurrence = {
  key: '2030-02-05T18:00',
  startsAt: '2030-02-05T17:00:00.000Z',
  endsAt: '2030-02-05T19:00:00.000Z',
  startsLocal: '2030-02-05T18:00',
  endsLocal: '2030-02-05T20:00',
  state: 'scheduled' as const,
};

const item: EventListItem = {
  shareWithPartners: false,
  isPublic: false,
  origin: null,
  eventId: 'e1',
  networkSlug: 'berlin',
  networkName: 'Berlin mentors',
  title: 'مقهى الموجهين',
  format: 'online',
  timeZone: 'Europe/Berlin',
  status: 'scheduled',
  recurring: true,
  capacity: 2,
  counts: { yes: 2, maybe: 0, no: 0, waiting: 1 },
  myRsvp: { response: 'yes', waiting: true },
  occurrence,
};

const event: Event = {
  shareWithPartners: false,
  isPublic: false,
  origin: null,
  id: 'e1',
  networkSlug: 'berlin',
  title: 'Mentor café',
  descriptionSource: 'We meet **monthly**',
  descriptionHtml: '<p>We meet <strong>monthly</strong></p>',
  language: 'de',
  format: 'on_site',
  onlineUrl: null,
  address: 'Musterstraße 1',
  timeZone: 'Europe/Berlin',
  startsLocal: '2030-02-05T18:00',
  endsLocal: '2030-02-05T20:00',
  startsAt: occurrence.startsAt,
  endsAt: occurrence.endsAt,
  capacity: 12,
  recurrence: {
    freq: 'monthly',
    interval: 1,
    weekdays: [],
    monthly: 'nth_weekday',
    until: null,
    count: null,
  },
  rrule: 'FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU',
  status: 'scheduled',
  cancelReason: '',
  sequence: 0,
  organisers: [],
  counts: { yes: 0, maybe: 0, no: 0, waiting: 0 },
  myRsvp: null,
  next: occurrence,
  upcoming: [
    occurrence,
    {
      key: '2030-03-05T18:00',
      startsAt: '2030-03-05T17:00:00.000Z',
      endsAt: '2030-03-05T19:00:00.000Z',
      startsLocal: '2030-03-05T18:00',
      endsLocal: '2030-03-05T20:00',
      state: 'cancelled',
    },
  ],
  exceptions: [],
  canEdit: true,
  canManageAttendance: true,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};

describe('the events list row', () => {
  it('shows the title isolated, the count and the waiting badge, in Arabic too', () => {
    const html = render(
      <ul>
        <EventRow item={item} showNetwork />
      </ul>,
      'ar',
    );
    expect(html).toContain('<bdi>مقهى الموجهين</bdi>');
    // A date of a series leads to that date on the event page.
    expect(html).toContain('href="/networks/berlin/events/e1?date=2030-02-05T18%3A00"');
    const once = render(
      <ul>
        <EventRow item={{ ...item, recurring: false }} />
      </ul>,
    );
    expect(once).toContain('href="/networks/berlin/events/e1"');
    expect(html).toContain('أنت في قائمة الانتظار');
    expect(html).toContain('<bdi>Berlin mentors</bdi>');
  });
});

describe('the event form', () => {
  it('turns a weekly draft into the API body, online without address', () => {
    const draft = {
      ...emptyDraft('de', 'Europe/Berlin'),
      title: ' Café ',
      onlineUrl: 'https://meet.example.org/x',
      address: 'ignored',
      startsLocal: '2030-02-05T18:00',
      endsLocal: '2030-02-05T20:00',
      capacity: '12',
      repeat: 'weekly' as const,
    };
    expect(bodyOf(draft)).toMatchObject({
      title: 'Café',
      format: 'online',
      onlineUrl: 'https://meet.example.org/x',
      address: null,
      capacity: 12,
      recurrence: { freq: 'weekly', interval: 1, until: null },
    });
    expect(bodyOf({ ...draft, repeat: 'none', capacity: '' })).toMatchObject({
      recurrence: null,
      capacity: null,
    });
    // Without organisers on the form the server keeps its default (the creator, or those it has).
    expect(bodyOf(draft)).not.toHaveProperty('organiserIds');
  });

  it('starts a new event with its creator as organiser and sends the co-organisers added', () => {
    const draft = emptyDraft('en', 'UTC', { id: 'u-olga', displayName: 'Olga Meta' });
    expect(draft.organisers).toEqual([{ id: 'u-olga', displayName: 'Olga Meta' }]);
    const body = bodyOf({
      ...draft,
      organisers: [...draft.organisers, { id: 'u-milan', displayName: 'Milan' }],
    });
    expect(body.organiserIds).toEqual(['u-olga', 'u-milan']);
    const html = render(
      <EventForm
        slug="berlin"
        initial={{ ...draft, organisers: [...draft.organisers, { id: 'u-milan', displayName: 'Milan' }] }}
        onSubmit={() => {}}
        pending={false}
        error={null}
        submitLabel="Create"
      />,
    );
    expect(html).toContain('<bdi>Milan</bdi>');
    expect(html).toContain('aria-label="Remove Milan from the organisers"');
    expect(html).toMatch(/role="combobox"/);
  });

  it('edits an existing event with its fields filled in', () => {
    const draft = draftOf(event);
    expect(draft).toMatchObject({
      repeat: 'monthly',
      capacity: '12',
      address: 'Musterstraße 1',
      format: 'on_site',
    });
    const html = render(
      <EventForm
        slug="berlin"
        initial={draft}
        onSubmit={() => {}}
        pending={false}
        error={null}
        submitLabel="Save"
      />,
    );
    expect(html).toContain('value="Mentor café"');
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain('Europe/Berlin');
  });
});

describe('dates and attendance', () => {
  it('writes the time in the reader’s zone and language', () => {
    expect(formatOccurrence(occurrence, 'en', 'Europe/Berlin')).toContain('6:00');
    expect(formatOccurrence(occurrence, 'de', 'UTC')).toContain('17:00');
    expect(formatInEventZone(occurrence.startsAt, 'Europe/Berlin', 'de')).toContain('18:00 (Europe/Berlin)');
  });

  it('records attendance only for an occurrence that has started', () => {
    expect(attendanceOccurrence(event, Date.parse('2030-01-01T00:00:00Z'))).toBeNull();
    expect(attendanceOccurrence(event, Date.parse('2030-02-05T18:00:00Z'))).toBe('2030-02-05T18:00');
  });
});

describe('the organiser’s date actions', () => {
  it('offers the next dates of the series, the cancelled ones marked', () => {
    const html = render(<OccurrenceActions slug="berlin" event={event} />);
    expect(html).toContain('Which date?');
    expect(html).toContain('value="2030-03-05T18:00"');
    expect(html).toContain('(cancelled)');
    expect(html).toContain('Cancel this date');
  });
});

describe('the organiser’s chosen date', () => {
  it('starts from the date a list row named, and asks before cancelling', () => {
    const html = render(<OccurrenceActions slug="berlin" event={event} initial="2030-03-05T18:00" />);
    expect(html).toMatch(/<option value="2030-03-05T18:00" selected="">/);
    expect(html).toContain('Hold this date again');
    const next = render(<OccurrenceActions slug="berlin" event={event} initial="1999-01-01T00:00" />);
    expect(next).toMatch(/<option value="2030-02-05T18:00" selected="">/);
    expect(next).toMatch(/<dialog[^>]*>.*Cancel the date .* Those who answered will be told\./s);
  });
});

describe('live RSVP counts', () => {
  const counts = { yes: 3, maybe: 1, no: 0, waiting: 2 };
  it('writes the new counts into the event and into the rows of that event only', () => {
    expect(eventWithCounts(event, counts)).toEqual({ ...event, counts });
    const other = { ...item, eventId: 'e2' };
    const window = { nextCursor: null, from: '2030-01-01T00:00:00Z', to: '2030-03-01T00:00:00Z' };
    const page: EventList = { ...window, items: [item, other] };
    const one = listWithCounts(page, 'e1', counts);
    expect(one.items.map((i) => i.counts)).toEqual([counts, item.counts]);
    const paged = listWithCounts(
      { pages: [page, { ...window, items: [item] }], pageParams: [] },
      'e1',
      counts,
    );
    expect(paged.pages.flatMap((p) => p.items.map((i) => i.counts.yes))).toEqual([3, 2, 3]);
  });
});
