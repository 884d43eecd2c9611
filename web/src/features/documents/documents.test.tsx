import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../../common/contracts/documents.ts';
import { AgreementGate, condense, DocumentChanges } from './DocumentChanges.tsx';
import { renderTranslated as render } from '../../test-support/render.tsx';

const rules: NetworkDocument = {
  kind: 'rules',
  version: 3,
  title: 'Communication rules',
  body: '…',
  bodyHtml: '<p>…</p>',
  summary: 'We now answer within two days.',
  publishedAt: '2026-12-01T09:00:00Z',
  publishedBy: null,
  acceptedAt: null,
  changes: {
    sinceVersion: 1,
    parts: [
      { change: 'unchanged', text: '# Communication rules\n\n' },
      { change: 'removed', text: 'We answer within a week.\n' },
      { change: 'added', text: 'We answer within two days.\n' },
      { change: 'unchanged', text: 'Be kind.\n' },
    ],
  },
};

describe('the re-accept screen', () => {
  it('tells a returning member what changed instead of welcoming them', () => {
    const returning = render(<AgreementGate network="Lakeside" returning />);
    expect(returning).toContain('Something has changed.');
    expect(returning).not.toContain('Welcome!');
    expect(render(<AgreementGate network="Lakeside" returning={false} />)).toContain('Welcome!');
  });

  it('shows the summary and the changed lines since the accepted version', () => {
    const html = render(<DocumentChanges document={rules} />);
    expect(html).toContain('What changed since version 1, which you accepted');
    expect(html).toContain('We now answer within two days.');
    expect(html).toContain('<del><span class="visually-hidden">Removed: </span>We answer within a week.');
    expect(html).toContain('<ins><span class="visually-hidden">Added: </span>We answer within two days.');
    expect(render(<DocumentChanges document={{ ...rules, changes: null }} />)).toBe('');
    const titleOnly = {
      ...rules,
      changes: { sinceVersion: 2, parts: [{ change: 'unchanged' as const, text: 'x' }] },
    };
    expect(render(<DocumentChanges document={titleOnly} />)).toContain('The text itself has not changed.');
  });

  it('shortens long unchanged stretches to the lines around a change', () => {
    const long = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n');
    const parts = condense([
      { change: 'added', text: 'new\n' },
      { change: 'unchanged', text: `${long}\n` },
      { change: 'removed', text: 'old\n' },
    ]);
    expect(parts.map((p) => p.change)).toEqual(['added', 'unchanged', 'skipped', 'unchanged', 'removed']);
    expect(parts[1]?.text).toBe('line 0\nline 1\n');
    expect(parts[3]?.text).toBe('line 8\nline 9\n');
  });
});
