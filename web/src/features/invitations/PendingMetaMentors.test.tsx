import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../../../common/contracts/invitations.ts';
import de from '../../../../common/i18n/de.json';
import en from '../../../../common/i18n/en.json';
import { PendingMetaMentorList, pendingMetaMentorInvitations } from './PendingMetaMentors.tsx';

const invitation = (over: Partial<Invitation>): Invitation => ({
  id: 'i1',
  kind: 'email',
  email: 'rosa.beispiel@example.org',
  role: 'meta_mentor',
  level: null,
  status: 'pending',
  invitedBy: { id: 'u1', displayName: 'Olga Orga' },
  expiresAt: '2026-12-19T10:00:00Z',
  acceptedAt: null,
  uses: 0,
  createdAt: '2026-12-05T10:00:00Z',
  ...over,
});

function render(node: React.ReactNode, lng: 'en' | 'de' = 'en') {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}
const noop = () => {};

describe('pending meta-mentor invitations on the settings page', () => {
  it('keeps only open e-mail invitations to become meta-mentor', () => {
    const list = [
      invitation({ id: 'a' }),
      invitation({ id: 'b', role: 'mentor' }),
      invitation({ id: 'c', status: 'revoked' }),
      invitation({ id: 'd', kind: 'link', email: null }),
      invitation({ id: 'e', status: 'accepted' }),
    ];
    expect(pendingMetaMentorInvitations(list).map((i) => i.id)).toEqual(['a']);
  });

  it('shows the invited address with who invited, and named resend and withdraw buttons', () => {
    const html = render(
      <PendingMetaMentorList invitations={[invitation({})]} onResend={noop} onWithdraw={noop} />,
    );
    expect(html).toContain('Invited, not accepted yet');
    expect(html).toContain('<p class="strong" dir="ltr">rosa.beispiel@example.org</p>');
    expect(html).toContain('by Olga Orga');
    expect(html).toContain('aria-label="Send the invitation to rosa.beispiel@example.org again"');
    expect(html).toContain('aria-label="Withdraw the invitation to rosa.beispiel@example.org"');
    const german = render(
      <PendingMetaMentorList invitations={[invitation({})]} onResend={noop} onWithdraw={noop} />,
      'de',
    );
    expect(german).toContain('Erneut senden');
    expect(german).toContain('Zurückziehen');
  });

  it('shows nothing when no invitation is pending', () => {
    expect(render(<PendingMetaMentorList invitations={[]} onResend={noop} onWithdraw={noop} />)).toBe('');
  });
});
