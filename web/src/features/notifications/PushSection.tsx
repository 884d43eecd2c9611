import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushSettings } from '../../../../common/contracts/push.ts';
import { PUSH_KINDS, type PushKind } from '../../../../common/push.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { describeDevice } from '../users/describe-device.ts';
import { pushKeys, removePushDevice, savePushSettings, usePushDevices, usePushSettings } from './api.ts';
import {
  deviceSubscriptionId,
  hasDeviceSubscription,
  isPushSupported,
  subscribeThisDevice,
  unsubscribeThisDevice,
} from './push-device.ts';

const KIND_KEYS: Record<PushKind, string> = {
  message: 'push.kind_message',
  mention: 'push.kind_mention',
  announcement: 'push.kind_announcement',
  help: 'push.kind_help',
  events: 'push.kind_events',
};

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Web Push on this device: a switch that subscribes the browser through its service worker (and
 * unsubscribes it), what is pushed and the quiet hours (saved on change, for every device), and
 * the other devices that receive notifications.
 */
export function PushSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const supported = isPushSupported();
  const subscribed = useQuery({
    queryKey: [...pushKeys.devices, 'this-device'],
    queryFn: hasDeviceSubscription,
    enabled: supported,
  });
  const devices = usePushDevices();
  const settings = usePushSettings();
  const [notice, setNotice] = useState<'denied' | 'unsupported' | null>(null);

  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      if (!on) return unsubscribeThisDevice();
      const label = describeDevice(navigator.userAgent) ?? t('push.this_device');
      const result = await subscribeThisDevice(label);
      setNotice(result === 'subscribed' ? null : result);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: pushKeys.devices }),
  });
  const save = useMutation({
    mutationFn: savePushSettings,
    onSuccess: (data) => queryClient.setQueryData(pushKeys.settings, data),
  });
  const remove = useMutation({
    mutationFn: removePushDevice,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: pushKeys.devices }),
  });

  function change(next: Partial<PushSettings>) {
    if (!settings.data) return;
    const merged = { ...settings.data, ...next, timeZone: browserTimeZone() };
    queryClient.setQueryData(pushKeys.settings, merged);
    save.mutate(merged);
  }

  const on = subscribed.data === true;
  const thisId = deviceSubscriptionId();
  const list = devices.data?.subscriptions ?? [];
  const quiet = settings.data?.quietFrom != null;

  return (
    <section className="card stack" id="push-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('push.title')}</h2>
      <p className="muted">{t('push.intro')}</p>
      {!supported || notice === 'unsupported' ? (
        <Alert tone="info">{t('push.unsupported')}</Alert>
      ) : (
        <label className="choice">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            disabled={subscribed.isPending || toggle.isPending}
            aria-checked={on}
            onChange={(event) => toggle.mutate(event.target.checked)}
          />
          {t('push.switch')}
        </label>
      )}
      {notice === 'denied' && <Alert tone="error">{t('push.blocked')}</Alert>}
      {toggle.isError && <Alert tone="error">{t('push.failed')}</Alert>}

      {settings.isPending && <Loading />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <>
          <fieldset className="choices choices-inline">
            <legend>{t('push.kinds_legend')}</legend>
            {PUSH_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="checkbox"
                  checked={settings.data.kinds.includes(kind)}
                  onChange={(event) =>
                    change({
                      kinds: event.target.checked
                        ? [...settings.data.kinds, kind]
                        : settings.data.kinds.filter((k) => k !== kind),
                    })
                  }
                />
                {t(KIND_KEYS[kind])}
              </label>
            ))}
          </fieldset>
          <fieldset className="choices">
            <legend>{t('push.quiet_legend')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={quiet}
                onChange={(event) =>
                  change(
                    event.target.checked
                      ? { quietFrom: '22:00', quietUntil: '07:00' }
                      : { quietFrom: null, quietUntil: null },
                  )
                }
              />
              {t('push.quiet_on')}
            </label>
            {quiet && (
              <div className="choices choices-inline">
                <label className="field">
                  <span>{t('push.quiet_from')}</span>
                  <input
                    type="time"
                    dir="ltr"
                    value={settings.data.quietFrom ?? ''}
                    onChange={(event) => event.target.value && change({ quietFrom: event.target.value })}
                  />
                </label>
                <label className="field">
                  <span>{t('push.quiet_until')}</span>
                  <input
                    type="time"
                    dir="ltr"
                    value={settings.data.quietUntil ?? ''}
                    onChange={(event) => event.target.value && change({ quietUntil: event.target.value })}
                  />
                </label>
              </div>
            )}
            <p className="muted small">{t('push.quiet_hint', { zone: browserTimeZone() })}</p>
          </fieldset>
        </>
      )}
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}

      {list.length > 0 && (
        <>
          <h3>{t('push.devices_title')}</h3>
          <ul className="session-list">
            {list.map((device) => (
              <li key={device.id} className="session">
                <div className="session-info">
                  <p className="session-device">
                    {device.label}
                    {device.id === thisId && on && (
                      <span className="badge badge-ok">{t('push.this_device')}</span>
                    )}
                  </p>
                  <p className="muted small">
                    {t('push.device_since', { when: new Date(device.createdAt) })}
                  </p>
                </div>
                <Button
                  variant="secondary"
                  pending={remove.isPending && remove.variables === device.id}
                  onClick={() =>
                    device.id === thisId && on ? toggle.mutate(false) : remove.mutate(device.id)
                  }
                  aria-label={t('push.device_remove_named', { device: device.label })}
                >
                  {t('push.device_remove')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {remove.isError && <Alert tone="error">{remove.error.message}</Alert>}
    </section>
  );
}
