import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DataExport } from '../../../../common/contracts/account-data.ts';
import type { Post } from '../../../../common/contracts/discussions.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { PostView } from '../discussions/PostView.tsx';
import { DeleteAccountFields, deletionBody, ExportStatus, YourDataSection } from './YourDataSection.tsx';

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

const ready: DataExport = {
  id: '01936f4e-0000-7000-8000-000000000001',
  status: 'ready',
  requestedAt: '2026-12-01T10:00:00.000Z',
  readyAt: '2026-12-01T10:00:05.000Z',
  expiresAt: '2026-12-08T10:00:05.000Z',
  size: 2_450_000,
  downloadUrl: '/api/me/export/01936f4e-0000-7000-8000-000000000001/download',
};

describe('your data on the account page', () => {
  it('offers the ready zip for download with its size and last day, and nothing to download otherwise', () => {
    const html = render(<ExportStatus current={ready} />);
    expect(html).toContain(`href="${ready.downloadUrl}"`);
    expect(html).toContain('Download (zip, 2.5 MB)');
    expect(html).toContain('Your data is ready to download until Dec 8, 2026.');
    const pending = render(<ExportStatus current={{ ...ready, status: 'pending', downloadUrl: null }} />);
    expect(pending).toContain('We will e-mail you when it is ready.');
    expect(pending).not.toContain('href=');
    const expired = render(<ExportStatus current={{ ...ready, status: 'expired', downloadUrl: null }} />);
    expect(expired).toContain('Your last download has expired.');
    expect(render(<ExportStatus current={null} />)).toBe('');
  });

  it('warns about the networks handed over, explains the grace period and asks for the password', () => {
    const state = {
      eraseAfter: null,
      graceDays: 14,
      soleMetaMentorOf: [
        { slug: 'offenbach', name: 'Mentors Offenbach', organisation: 'Welcome Rhein-Main' },
      ],
    };
    const html = render(<DeleteAccountFields state={state} />);
    expect(html).toContain('Your account is erased for good in 14 days. If you sign in before then');
    expect(html).toContain('You are the only meta-mentor of this network.');
    expect(html).toContain('<bdi>Mentors Offenbach</bdi> — <bdi>Welcome Rhein-Main</bdi>');
    expect(html).toMatch(
      /type="password"[^>]*autoComplete="current-password"|autoComplete="current-password"[^>]*type="password"/i,
    );
    expect(html).toContain('name="removePostText"');
    // Without such networks there is no warning.
    expect(render(<DeleteAccountFields state={{ ...state, soleMetaMentorOf: [] }} />)).not.toContain(
      'meta-mentor',
    );
    // Arabic: the plural forms of the grace period, names isolated in the right-to-left text.
    const arabic = render(<DeleteAccountFields state={state} />, 'ar');
    expect(arabic).toContain('يُمحى حسابك نهائيًا بعد 14 يومًا');
    expect(arabic).toContain('<bdi>Mentors Offenbach</bdi>');
  });

  it('offers a code from the app instead of the password when two-factor sign-in is on', () => {
    /** The <input> tag of the named field (attributes in any order). */
    const inputTag = (html: string, name: string) =>
      html.match(/<input[^>]*>/g)?.find((tag) => tag.includes(`name="${name}"`)) ?? '';
    const state = { eraseAfter: null, graceDays: 14, soleMetaMentorOf: [] };
    const without = render(<DeleteAccountFields state={state} />);
    expect(without).not.toContain('name="code"');
    expect(inputTag(without, 'password')).toContain('required');

    const withCode = render(
      <DeleteAccountFields state={state} twoFactor codeError="That code does not fit." />,
    );
    expect(withCode).toContain('Two-factor sign-in is on: your password or a code from the app is enough.');
    expect(inputTag(withCode, 'code')).toContain('autoComplete="one-time-code"');
    expect(withCode).toContain('Code from the app or a recovery code');
    expect(withCode).toContain('That code does not fit.');
    expect(inputTag(withCode, 'password')).not.toContain('required');
    // The code reads left to right inside the Arabic dialog.
    const arabic = render(<DeleteAccountFields state={state} twoFactor />, 'ar');
    expect(arabic).toContain('تسجيل الدخول بخطوتين مفعّل');
    expect(inputTag(arabic, 'code')).toContain('dir="ltr"');
  });

  it('sends the password, the code, or both, leaving out an empty field', () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    expect(deletionBody(form({ password: 'secret-pass', code: '' }))).toEqual({
      password: 'secret-pass',
      removePostText: false,
    });
    expect(deletionBody(form({ password: '', code: ' 123456 ', removePostText: 'on' }))).toEqual({
      code: '123456',
      removePostText: true,
    });
    expect(deletionBody(form({ password: 'secret-pass', code: '123456' }))).toEqual({
      password: 'secret-pass',
      code: '123456',
      removePostText: false,
    });
    // Neither: the empty password goes, and the server says what is missing.
    expect(deletionBody(form({}))).toEqual({ password: '', removePostText: false });
  });

  it('is a labelled section the export mail links to, with the delete button behind a dialog', () => {
    const html = render(<YourDataSection />);
    expect(html).toMatch(/<section id="your-data"[^>]*aria-labelledby=/);
    expect(html).toContain('<h2');
    expect(html).toContain('Delete my account…');
    expect(html).toContain('<dialog');
    expect(html).not.toContain('<dialog open');
  });

  it('shows a post of an erased account as by a former member', () => {
    const post: Post = {
      id: 'p1',
      topicId: 't1',
      isOpening: false,
      author: { id: 'u2', displayName: '', formerMember: true },
      bodySource: null,
      bodyHtml: '<p>The course is on Tuesdays.</p>',
      mentions: [],
      attachments: [],
      reactions: [],
      createdAt: '2026-11-01T10:00:00Z',
      editedAt: null,
      deleted: false,
      deletedAt: null,
      hidden: false,
      authorBlocked: false,
      canEdit: false,
      canDelete: false,
    };
    const html = render(<PostView slug="n" topicId="t1" post={post} canReact={false} />);
    expect(html).toContain(en.discussions.former_member);
    expect(render(<PostView slug="n" topicId="t1" post={post} canReact={false} />, 'ar')).toContain(
      ar.discussions.former_member,
    );
  });
});
