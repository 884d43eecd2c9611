import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { userKeys } from '../users/api.ts';
import { platformSettingsKeys, updateSecuritySettings, useSecuritySettings } from './api.ts';

/**
 * For platform admins on their account page: the switch that requires a second factor of platform
 * admins, organisation admins and meta-mentors. Each change is confirmed first, because it locks
 * out (until they set one up) everyone in those roles without a second factor.
 */
export function SecuritySettingsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const queryClient = useQueryClient();
  const settings = useSecuritySettings();
  const [asking, setAsking] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (requireSecondFactor: boolean) => updateSecuritySettings({ requireSecondFactor }),
    onSuccess: (saved) => {
      queryClient.setQueryData(platformSettingsKeys.security, saved);
      // The admin may be one of those who now need a second factor: ask again at once.
      void queryClient.invalidateQueries({ queryKey: userKeys.secondFactorGate });
      setAsking(null);
    },
  });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('platform_settings.security.title')}</h2>
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error">{settings.error.message}</Alert>}
      {change.isError && <Alert tone="error">{change.error.message}</Alert>}
      {settings.data && (
        <label className="choice">
          <input
            type="checkbox"
            role="switch"
            aria-checked={settings.data.requireSecondFactor}
            aria-describedby={hintId}
            checked={settings.data.requireSecondFactor}
            onChange={(event) => setAsking(event.target.checked)}
          />
          <span>{t('platform_settings.security.require_second_factor')}</span>
        </label>
      )}
      <p id={hintId} className="muted">
        {t('platform_settings.security.hint')}
      </p>
      <ConfirmDialog
        open={asking !== null}
        message={
          asking ? t('platform_settings.security.confirm_on') : t('platform_settings.security.confirm_off')
        }
        confirmLabel={
          asking ? t('platform_settings.security.turn_on') : t('platform_settings.security.turn_off')
        }
        tone={asking ? 'primary' : 'danger'}
        pending={change.isPending}
        onConfirm={() => asking !== null && change.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </section>
  );
}
