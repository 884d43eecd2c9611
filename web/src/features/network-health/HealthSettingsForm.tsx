import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HealthSettings } from '../../../../common/contracts/network-health.ts';
import { HEALTH_SETTINGS, type HealthSettingKey } from '../../../../common/network-health.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { healthKeys, saveHealthSettings } from './api.ts';

const KEYS = Object.keys(HEALTH_SETTINGS) as HealthSettingKey[];
const LABELS: Record<HealthSettingKey, string> = {
  unansweredHours: 'health.settings.unanswered_hours',
  eventGapWeeks: 'health.settings.event_gap_weeks',
  metaInactiveDays: 'health.settings.meta_inactive_days',
  agreementPercent: 'health.settings.agreement_percent',
  fallingWeeks: 'health.settings.falling_weeks',
};

/** The thresholds of the early warnings, changed by the network's staff (folded away by default). */
export function HealthSettingsForm({ slug, settings }: { slug: string; settings: HealthSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm({
    fields: KEYS,
    required: KEYS,
    submit: (values) =>
      saveHealthSettings(
        slug,
        Object.fromEntries(KEYS.map((k) => [k, Number(values[k])])) as Record<HealthSettingKey, number>,
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: healthKeys.all(slug) }),
  });
  return (
    <details>
      <summary>{t('health.settings.heading')}</summary>
      <form ref={form.formRef} onSubmit={form.onSubmit} className="stack" noValidate>
        {KEYS.map((key) => (
          <TextField
            key={key}
            name={key}
            type="number"
            inputMode="numeric"
            min={HEALTH_SETTINGS[key].min}
            max={HEALTH_SETTINGS[key].max}
            label={t(LABELS[key])}
            hint={t('health.settings.range', {
              min: HEALTH_SETTINGS[key].min,
              max: HEALTH_SETTINGS[key].max,
              default: HEALTH_SETTINGS[key].default,
            })}
            defaultValue={settings[key]}
            error={form.errors.fields[key]}
          />
        ))}
        {form.errors.form && <Alert tone="error">{form.errors.form}</Alert>}
        {form.isSuccess && <Alert tone="success">{t('health.settings.saved')}</Alert>}
        <div>
          <Button type="submit" pending={form.isPending}>
            {t('health.settings.save')}
          </Button>
        </div>
      </form>
    </details>
  );
}
