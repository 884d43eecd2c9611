import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { TwoFactorStatus } from '../../../../common/contracts/auth.ts';
import type { PasskeyInfo } from '../../../../common/contracts/passkeys.ts';
import ar from '../../../../common/i18n/ar.json';
import en from '../../../../common/i18n/en.json';
import { userKeys } from './api.ts';
import SecondFactorGate from './SecondFactorGate.tsx';

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

/** The gate with the account's two-factor status already known. */
function render(status: TwoFactorStatus, lng: 'en' | 'ar' = 'en', passkeys: PasskeyInfo[] = []) {
  const client = new QueryClient();
  client.setQueryData(userKeys.twoFactor, status);
  client.setQueryData(userKeys.passkeys, { passkeys });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={translator(lng)}>
        <MemoryRouter>
          <SecondFactorGate />
        </MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const off: TwoFactorStatus = { totpEnabled: false, totpEnabledAt: null, recoveryCodesLeft: 0 };
const on: TwoFactorStatus = {
  totpEnabled: true,
  totpEnabledAt: '2026-12-06T21:00:00.000Z',
  recoveryCodesLeft: 10,
};

describe('the second-factor gate', () => {
  it('says why and offers the set-up; the way on appears only once TOTP is on', () => {
    const html = render(off);
    expect(html).toContain(`<h1 id="second-factor-gate-heading">${en.account.second_factor_gate.title}</h1>`);
    expect(html).toContain(en.account.second_factor_gate.body);
    expect(html).toContain(en.account.two_factor.title);
    expect(html).not.toContain(`>${en.account.second_factor_gate.continue}<`);
    expect(render(on)).toContain(`>${en.account.second_factor_gate.continue}<`);
  });

  it('offers passkeys too, and lets the person on once one is added', () => {
    expect(render(off)).toContain(en.account.passkeys.title);
    const passkey: PasskeyInfo = {
      id: 'pk1',
      name: 'Laptop',
      createdAt: '2026-12-06T21:00:00.000Z',
      lastUsedAt: null,
      backedUp: false,
    };
    const html = render(off, 'en', [passkey]);
    expect(html).toContain(`>${en.account.second_factor_gate.continue}<`);
    expect(html).toContain('<bdi dir="auto">Laptop</bdi>');
  });

  it('reads in Arabic', () => {
    const html = render(off, 'ar');
    expect(html).toContain(ar.account.second_factor_gate.title);
    expect(html).toContain(ar.account.second_factor_gate.body);
    expect(html).not.toContain(en.account.second_factor_gate.body);
  });
});
