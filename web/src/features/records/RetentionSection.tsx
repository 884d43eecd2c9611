import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { networkKeys } from '../networks/api.ts';
import { setRecordSettings, useRecordSettings } from './api.ts';

/** In the network's settings: how many months a departed member's volunteer records are kept. */
export function RetentionSection({ network, enabled }: { network: Network; enabled: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const settings = useRecordSettings(network.slug, enabled);
  const save = useMutation({
    mutationFn: (months: number) => setRecordSettings(network.slug, months),
    onSuccess: (next) =>
      queryClient.setQueryData([...networkKeys.detail(network.slug), 'record-settings'], next),
  });
  if (!enabled || !settings.data) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const months = Number(new FormData(event.currentTarget).get('retentionMonths'));
    if (Number.isInteger(months)) save.mutate(months);
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('records.retention_heading')}</h2>
      <form className="stack-tight" onSubmit={onSubmit}>
        <TextField
          key={settings.data.retentionMonths}
          name="retentionMonths"
          type="number"
          min={1}
          max={120}
          required
          label={t('records.retention_label')}
          hint={t('records.retention_hint')}
          defaultValue={settings.data.retentionMonths}
        />
        <div>
          <Button type="submit" variant="secondary" pending={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      {save.isSuccess && <Alert tone="success">{t('records.retention_saved')}</Alert>}
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
    </section>
  );
}
