import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { SavedCheckbox } from '../../components/SavedCheckbox.tsx';
import { storeNetwork, updateNetwork } from '../networks/api.ts';

/** In the network's settings: whether members (not only staff) may create events. */
export function EventsSettingSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (membersCreateEvents: boolean) => updateNetwork(network.slug, { membersCreateEvents }),
    onSuccess: (updated) => storeNetwork(queryClient, updated),
  });
  return (
    <section className="card stack" aria-labelledby="events-settings">
      <h2 id="events-settings">{t('events.title')}</h2>
      <SavedCheckbox
        checked={network.membersCreateEvents}
        label={t('events.setting_members_create')}
        save={save}
      />
    </section>
  );
}
