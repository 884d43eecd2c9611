import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SecondFactorRequired } from '../../../../common/contracts/auth.ts';
import en from '../../../../common/i18n/en.json';
import { SecondFactorStep } from './SecondFactorStep.tsx';

/** The second step for a pending sign-in that the account can finish with `methods`. */
function render(methods: SecondFactorRequired['methods']) {
  const i18n = i18next.createInstance();
  i18n.use(ICU).init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const pending: SecondFactorRequired = {
    status: 'second_factor_required',
    pendingToken: 'pending-token-0123456789',
    methods,
    expiresAt: '2026-12-06T23:00:00.000Z',
  };
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={i18n}>
        <SecondFactorStep pending={pending} onSignedIn={() => {}} onRestart={() => {}} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('the second step of signing in', () => {
  it('asks for a code only, for an account with TOTP alone', () => {
    const html = render(['totp', 'recovery_code']);
    expect(html).toContain(en.auth.second_factor.totp_label);
    expect(html).not.toContain(en.auth.passkey.second_factor_use);
  });

  it('offers the passkey beside the code when the account has both', () => {
    const html = render(['totp', 'recovery_code', 'passkey']);
    expect(html).toContain(en.auth.second_factor.totp_label);
    expect(html).toContain(`>${en.auth.passkey.second_factor_use}<`);
    expect(html).not.toContain(en.auth.passkey.second_factor_intro);
  });

  it('asks for the passkey alone, without a code field, for an account with passkeys only', () => {
    const html = render(['passkey']);
    expect(html).toContain(en.auth.passkey.second_factor_intro);
    expect(html).toContain(`>${en.auth.passkey.second_factor_use}<`);
    expect(html).not.toContain(en.auth.second_factor.totp_label);
    expect(html).not.toContain('name="code"');
    expect(html).toContain(en.auth.back_to_sign_in);
  });
});
