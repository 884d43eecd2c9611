import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type EmailFrequency,
  type NotificationPreferences,
  OPTIONAL_EMAIL_KINDS,
  type OptionalEmailKind,
} from '../../../../common/contracts/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { preferencesKey, savePreferences, usePreferences } from './api.ts';

const KIND_KEYS = {
  mention: 'notifications.kind_mention',
  reply: 'notifications.kind_reply',
  message: 'notifications.kind_message',
} as const;
const FREQUENCY_KEYS = {
  immediate: 'notifications.frequency_immediate',
  daily: 'notifications.frequency_daily',
  off: 'notifications.frequency_off',
} as const;
const FREQUENCIES = Object.keys(FREQUENCY_KEYS) as EmailFrequency[];

/** E-mail per kind of notification: at once, in the daily digest, or not at all. Saved on change. */
export function PreferencesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = usePreferences();
  const save = useMutation({
    mutationFn: (change: {
      kind: OptionalEmailKind;
      frequency: EmailFrequency;
      before: NotificationPreferences;
    }) => savePreferences({ email: { [change.kind]: change.frequency } }),
    onError: (_error, change) => queryClient.setQueryData(preferencesKey, change.before),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey, data),
  });
  /** The choice shows at once (within the click); it goes back if saving fails. */
  function choose(kind: OptionalEmailKind, frequency: EmailFrequency) {
    const before = preferences.data;
    if (!before) return;
    queryClient.setQueryData(preferencesKey, { ...before, email: { ...before.email, [kind]: frequency } });
    save.mutate({ kind, frequency, before });
  }

  return (
    <section
      className="card stack"
      id="notification-settings"
      aria-labelledby="notification-settings-heading"
    >
      <h2 id="notification-settings-heading">{t('notifications.settings_title')}</h2>
      <p className="muted">{t('notifications.settings_intro')}</p>
      {preferences.isPending && <Loading />}
      {preferences.isError && (
        <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} />
      )}
      {preferences.isSuccess &&
        OPTIONAL_EMAIL_KINDS.map((kind) => (
          <fieldset key={kind} className="choices choices-inline">
            <legend>{t(KIND_KEYS[kind])}</legend>
            {FREQUENCIES.map((frequency) => (
              <label key={frequency} className="choice">
                <input
                  type="radio"
                  name={`email-${kind}`}
                  value={frequency}
                  checked={preferences.data.email[kind] === frequency}
                  onChange={() => choose(kind, frequency)}
                />
                {t(FREQUENCY_KEYS[frequency])}
              </label>
            ))}
          </fieldset>
        ))}
      <p className="muted small">{t('notifications.announcements_always')}</p>
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
      {save.isSuccess && <Alert tone="success">{t('common.saved')}</Alert>}
    </section>
  );
}
