import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { TextField } from '../../components/Field.tsx';
import { SettingCard } from '../../components/SettingCard.tsx';
import { networkKeys } from '../networks/api.ts';
import { setRecordSettings, useRecordSettings } from './api.ts';

/** In the network's settings: how many months a departed member's volunteer records are kept. */
export function RetentionSection({ network, enabled }: { network: Network; enabled: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useRecordSettings(network.slug, enabled);
  const save = useMutation({
    mutationFn: (months: number) => setRecordSettings(network.slug, months),
    onSuccess: (next) =>
      queryClient.setQueryData([...networkKeys.detail(network.slug), 'record-settings'], next),
  });
  if (!enabled || !settings.data) return null;
  return (
    <SettingCard
      heading={t('records.retention_heading')}
      savedText={t('records.retention_saved')}
      save={save}
      onSave={(data) => {
        const months = Number(data.get('retentionMonths'));
        if (Number.isInteger(months)) save.mutate(months);
      }}
    >
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
    </SettingCard>
  );
}
