import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { userKeys, usePasskeys, useTwoFactor } from './api.ts';
import { PasskeysSection } from './PasskeysSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

/**
 * Shown instead of every page while the platform requires a second factor of the person's role
 * (platform admin, organisation admin, meta-mentor) and they have none: why, and the set-up. Once
 * TOTP is on (and the recovery codes were shown) or a passkey is added, a button lets them in.
 */
export default function SecondFactorGate() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useTwoFactor();
  const passkeys = usePasskeys();
  const hasFactor = Boolean(status.data?.totpEnabled) || (passkeys.data?.passkeys.length ?? 0) > 0;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="second-factor-gate-heading">
        <h1 id="second-factor-gate-heading">{t('account.second_factor_gate.title')}</h1>
        <p>{t('account.second_factor_gate.body')}</p>
        {hasFactor && (
          <div className="actions">
            <Button
              onClick={() => void queryClient.invalidateQueries({ queryKey: userKeys.secondFactorGate })}
            >
              {t('account.second_factor_gate.continue')}
            </Button>
          </div>
        )}
      </section>
      <TwoFactorSection />
      <PasskeysSection />
    </div>
  );
}
