import { describe, expect, it } from 'vitest';
import type { HelpRequest, HelpRequestSummary } from '../../../../common/contracts/help-requests.ts';
import { ApiError } from '../../lib/api-client.ts';
import { privacyFindingsOf } from './api.ts';
import { emptyDraft, type HelpDraft, isBlank, parseDraft } from './draft.ts';
import { HelpRequestForm } from './HelpRequestForm.tsx';
import { HelpRequestRow } from './HelpRequestRow.tsx';
import { formatDay, helperReasonText } from './labels.ts';
import { helpersOf, ResolveDialog } from './ResolveDialog.tsx';
import { filtersOf } from './SupportPage.tsx';
import { renderPage as render, translator } from '../../test-support/render.tsx';

const noop = () => {};
const person = (id: string, displayName: string) => ({
  id,
  displayName,
  formerMember: false,
  avatarUrl: null,
});

const summary: HelpRequestSummary = {
  id: 'h1',
  kind: 'case',
  status: 'open',
  title: 'Fear of the Jobcenter appointment',
  requester: person('u1', 'Nadia New'),
  expertise: ['work', 'benefits'],
  languages: ['ar'],
  urgency: 'this_week',
  deadline: '2026-12-24',
  responseCount: 2,
  offerCount: 1,
  offeredByMe: true,
  createdAt: '2026-12-01T09:00:00Z',
  lastActivityAt: '2026-12-01T09:00:00Z',
  firstResponseAt: null,
  resolvedAt: null,
  escalatedAt: null,
};

function form(draft: HelpDraft, error: Error | null = null, lng: 'en' | 'ar' = 'en') {
  return render(
    <HelpRequestForm
      slug="berlin"
      mode="ask"
      draft={draft}
      update={noop}
      onSubmit={noop}
      pending={false}
      error={error}
      submitLabel="Ask for support"
    />,
    lng,
  );
}

describe('the ask form', () => {
  it('asks a question with Markdown, areas, languages, urgency, deadline and files', () => {
    const html = form({ ...emptyDraft(), title: 'Housing', expertise: ['housing'], urgency: 'soon' });
    expect(html).toContain('<legend>What would you like?</legend>');
    expect(html).toMatch(/<input type="radio" name="kind" checked="" value="question"/);
    expect(html).toContain('role="combobox"'); // the Markdown composer with mentions
    expect(html).toMatch(/<input type="checkbox" name="expertise" checked="" value="housing"/);
    expect(html).toMatch(/<input type="radio" name="urgency" checked="" value="soon"/);
    expect(html).toContain('type="date"');
    expect(html).toContain('type="file"');
    expect(html).toContain('value="Housing"');
    expect(html).toContain('dir="auto"');
    // No privacy check for a question of one's own.
    expect(html).not.toContain('privacy-status');
  });

  it('checks a case consultation’s title and body for personal data', () => {
    const html = form({ ...emptyDraft('case'), body: 'My mentee Amina (born 14/03/1996).' });
    expect(html).toContain('no names, dates of birth, addresses or numbers');
    expect(html.match(/class="privacy-status/g)).toHaveLength(2);
    expect(html).toContain('<label for="');
    expect(html).toContain('>Describe the situation</label>');
    // The text fields are plain text areas (the language picker below is the only combobox).
    expect(html).not.toMatch(/<textarea[^>]*role="combobox"/);
  });

  it('shows what the server found and asks for the confirmation', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'Personal data found.', {
      title: [],
      body: [{ kind: 'name', start: 10, end: 15, text: 'Amina', placeholder: '[name]' }],
    });
    (error as unknown as { code: string }).code = 'PRIVACY_FINDINGS';
    const html = form({ ...emptyDraft('case'), title: 'A case', body: 'My mentee Amina.' }, error);
    expect(html).toContain('The check on the server found one detail that could identify your mentee:');
    expect(html).toContain('Name: “\u2068Amina\u2069” in Describe the situation');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('I have checked the text');
  });

  it('speaks Arabic', () => {
    const html = form(emptyDraft('case'), null, 'ar');
    expect(html).toContain('صف الموقف');
    expect(html).toContain('استشارة حالة');
  });
});

describe('a request in the list', () => {
  it('links its title and shows kind, urgency, deadline, status and counts', () => {
    const html = render(
      <ul>
        <HelpRequestRow slug="berlin" request={summary} />
      </ul>,
    );
    expect(html).toMatch(
      /<a dir="auto" href="\/networks\/berlin\/support\/h1"[^>]*>Fear of the Jobcenter appointment<\/a>/,
    );
    expect(html).toContain('>Case consultation</span>');
    expect(html).toContain('>This week</span>');
    expect(html).toContain('By December 24, 2026');
    expect(html).toContain('>Open</span>');
    expect(html).toContain('2 answers · 1 offer · You offered help');
    expect(html).toContain('Asked by \u2068Nadia New\u2069');
    expect(html).toContain('<li>Work</li>');
  });
});

describe('resolving with thanks', () => {
  const request = {
    requester: person('u1', 'Nadia New'),
    responses: [
      {
        id: 'r1',
        author: person('u2', 'Bea Helper'),
        bodyHtml: '',
        attachments: [],
        createdAt: '',
        thanked: false,
      },
      {
        id: 'r2',
        author: person('u1', 'Nadia New'),
        bodyHtml: '',
        attachments: [],
        createdAt: '',
        thanked: false,
      },
      { id: 'r3', author: null, bodyHtml: '', attachments: [], createdAt: '', thanked: false },
    ],
    offers: [
      { helper: person('u2', 'Bea Helper'), createdAt: '', thanked: false },
      { helper: person('u3', 'Carl Offer'), createdAt: '', thanked: false },
    ],
  };

  it('offers each helper once, never the requester', () => {
    expect(helpersOf(request).map((p) => p.displayName)).toEqual(['Bea Helper', 'Carl Offer']);
  });

  it('ticks every helper at first and has a short note', () => {
    const html = render(
      <ResolveDialog
        open
        request={request as unknown as HelpRequest}
        pending={false}
        error={null}
        onResolve={noop}
        onCancel={noop}
      />,
    );
    expect(html).toContain('<dialog');
    expect(html).toContain('Mark this request as resolved?');
    expect(html.match(/name="thank" checked="" value="u\d"/g)).toHaveLength(2);
    expect(html).toContain('A short thank-you note (optional)');
  });
});

describe('the wording of suggested helpers’ reasons', () => {
  const t = translator('en').t;
  it('says each reason in plain words', () => {
    expect(helperReasonText(t, { code: 'shared_expertise', areas: ['housing', 'work'] }, 'en')).toBe(
      'Knows about Housing and Work',
    );
    expect(helperReasonText(t, { code: 'shared_languages', languages: ['ar', 'de'] }, 'en')).toBe(
      'Speaks Arabic and German',
    );
    expect(helperReasonText(t, { code: 'same_region', region: 'Leipzig' }, 'en')).toBe(
      'Also in \u2068Leipzig\u2069',
    );
    expect(helperReasonText(t, { code: 'available', availability: 'evenings' }, 'en')).toBe(
      'Available: \u2068evenings\u2069',
    );
    expect(helperReasonText(t, { code: 'experienced' }, 'en')).toBe('Experienced mentor');
    expect(helperReasonText(t, { code: 'helped_before', resolvedCount: 3 }, 'en')).toBe(
      'Helped 3 times before',
    );
    expect(helperReasonText(t, { code: 'open_offers', count: 0 }, 'en')).toBe('No open offers');
    expect(helperReasonText(t, { code: 'open_offers', count: 1 }, 'en')).toBe('1 open offer');
  });

  it('counts in Arabic', () => {
    const tAr = translator('ar').t;
    expect(helperReasonText(tAr, { code: 'open_offers', count: 2 }, 'ar')).toBe('عرضان مفتوحان');
  });

  it('writes a deadline as the calendar day it is', () => {
    expect(formatDay('2026-03-01', 'en')).toBe('March 1, 2026');
    expect(formatDay('2026-03-01', 'de')).toBe('1. März 2026');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});

describe('the list filters', () => {
  it('turn a view into the API’s filters', () => {
    expect(filtersOf('open', {})).toEqual({ status: 'open' });
    expect(filtersOf('all', { kind: 'case' })).toEqual({ kind: 'case' });
    expect(filtersOf('mine', { expertise: 'housing' })).toEqual({ mine: true, expertise: 'housing' });
    expect(filtersOf('offered', {})).toEqual({ offered: true });
    expect(filtersOf('unanswered', { language: 'ar' })).toEqual({ unanswered: true, language: 'ar' });
  });
});

describe('the draft of the ask form', () => {
  it('comes back as stored, and anything broken falls back to the empty form', () => {
    const draft = {
      ...emptyDraft('case'),
      title: 'T',
      expertise: ['housing' as const],
      deadline: '2026-12-24',
    };
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
    expect(parseDraft('{not json')).toBeNull();
    expect(parseDraft(null)).toBeNull();
    expect(
      parseDraft(
        JSON.stringify({ kind: 'poem', expertise: ['housing', 'magic'], deadline: 'soon', urgency: 1 }),
      ),
    ).toEqual({ ...emptyDraft(), expertise: ['housing'] });
  });

  it('is blank until something is written', () => {
    expect(isBlank(emptyDraft())).toBe(true);
    expect(isBlank({ ...emptyDraft(), body: ' x ' })).toBe(false);
  });
});

describe('a refused case consultation', () => {
  it('gives the server’s findings, and nothing for other errors', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'x', { title: [], body: [] });
    expect(privacyFindingsOf(error)).toBeNull();
    (error as unknown as { code: string }).code = 'PRIVACY_FINDINGS';
    expect(privacyFindingsOf(error)).toEqual({ title: [], body: [] });
    expect(privacyFindingsOf(new Error('x'))).toBeNull();
  });
});
