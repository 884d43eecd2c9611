import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AdminJob } from '../../../../common/contracts/operations.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { JobList } from './JobList.tsx';

const job = (over: Partial<AdminJob>): AdminJob => ({
  id: 'j1',
  kind: 'mail.send',
  isMail: true,
  status: 'failed',
  attempts: 10,
  maxAttempts: 10,
  lastError: 'connect ECONNREFUSED 127.0.0.1:587',
  runAt: '2026-12-05T10:00:00Z',
  lockedUntil: null,
  createdAt: '2026-12-05T09:00:00Z',
  updatedAt: '2026-12-05T10:00:00Z',
  finishedAt: '2026-12-05T10:00:00Z',
  ...over,
});

function render(node: React.ReactNode, lng: 'en' | 'ar' = 'en') {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { en: { translation: en }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}
const noop = () => {};

describe('the operator view of jobs needing attention', () => {
  it('shows the kind, a mail badge, the attempts and the last error, with named retry and drop buttons', () => {
    const html = render(<JobList jobs={[job({})]} onRetry={noop} onDrop={noop} />);
    expect(html).toContain('<code dir="ltr">mail.send</code>');
    expect(html).toContain('>Mail</span>');
    expect(html).toContain('Attempt 10 of 10');
    expect(html).toContain('<pre class="job-error" dir="ltr">connect ECONNREFUSED 127.0.0.1:587</pre>');
    expect(html).toContain('aria-label="Retry mail.send"');
    expect(html).toContain('aria-label="Drop mail.send"');
  });

  it('says when no error was recorded and leaves the mail badge off other kinds', () => {
    const html = render(
      <JobList
        jobs={[job({ kind: 'digest.weekly', isMail: false, lastError: null })]}
        onRetry={noop}
        onDrop={noop}
      />,
    );
    expect(html).toContain('No error recorded.');
    expect(html).not.toContain('>Mail</span>');
  });

  it('reads in Arabic while the kind and the error stay left to right', () => {
    const html = render(<JobList jobs={[job({ attempts: 3 })]} onRetry={noop} onDrop={noop} />, 'ar');
    expect(html).toContain('المحاولة 3 من 10');
    expect(html).toContain('إعادة المحاولة');
    expect(html).toContain('<code dir="ltr">mail.send</code>');
    expect(html).toContain('dir="ltr">connect ECONNREFUSED');
  });

  it('has the empty state in every catalogue', () => {
    expect(en.operations.empty).toBe('Nothing needs attention.');
    expect(ar.operations.empty).toBeTruthy();
  });
});
