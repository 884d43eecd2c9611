import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailFrequency } from '../../../../common/contracts/notifications.ts';
import { OPTIONAL_EMAIL_KINDS, type OptionalEmailKind } from '../../../../common/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { notificationKeys, savePreferences, usePreferences } from './api.ts';

const KIND_KEYS = {
  mention: 'notifications.kind_mention',
  reply: 'notifications.kind_reply',
  message: 'notifications.kind_message',
  buddies: 'notifications.kind_buddies',
  help: 'notifications.kind_help',
  events: 'notifications.kind_events',
  applications: 'notifications.kind_applications',
  progression: 'notifications.kind_progression',
  reengagement: 'notifications.kind_reengagement',
  help_wanted: 'notifications.kind_help_wanted',
  upcoming_events: 'notifications.kind_upcoming_events',
  missed: 'notifications.kind_missed',
  records: 'notifications.kind_records',
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
  // The choice shows within the click (local state), before the server answers; it goes back on error.
  const [chosen, setChosen] = useState<Partial<Record<OptionalEmailKind, EmailFrequency>>>({});
  const save = useMutation({
    mutationFn: (change: { kind: OptionalEmailKind; frequency: EmailFrequency }) =>
      savePreferences({ email: { [change.kind]: change.frequency } }),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
    onError: (_error, change) =>
      setChosen((current) => {
        const { [change.kind]: _done, ...rest } = current;
        return rest;
      }),
  });
  function choose(kind: OptionalEmailKind, frequency: EmailFrequency) {
    setChosen((current) => ({ ...current, [kind]: frequency }));
    save.mutate({ kind, frequency });
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
                  checked={(chosen[kind] ?? preferences.data.email[kind]) === frequency}
                  onChange={() => choose(kind, frequency)}
                />
                {t(FREQUENCY_KEYS[frequency])}
              </label>
            ))}
          </fieldset>
        ))}
      <p className="muted small">{t('notifications.event_reminders_when_due')}</p>
      <p className="muted small">{t('notifications.announcements_always')}</p>
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
      {save.isSuccess && <Alert tone="success">{t('common.saved')}</Alert>}
    </section>
  );
}
