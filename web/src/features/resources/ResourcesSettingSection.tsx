import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { ResourceSettings } from '../../../../common/contracts/resources.ts';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SavedCheckbox } from '../../components/SavedCheckbox.tsx';
import { api } from '../../lib/api-client.ts';
import { resourceAccess, resourceKeys } from './api.ts';

const settingsPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/resource-settings`;

/** In the network's settings: whether only staff (not members) create and edit resources. */
export function ResourcesSettingSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const enabled = resourceAccess(network).manage;
  const key = [...resourceKeys.all(network.slug), 'settings'] as const;
  const settings = useQuery({
    enabled,
    queryKey: key,
    queryFn: () => api.get<ResourceSettings>(settingsPath(network.slug)),
  });
  const save = useMutation({
    mutationFn: (staffOnlyEditing: boolean) =>
      api.put<ResourceSettings>(settingsPath(network.slug), { staffOnlyEditing }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // Lists say whether the viewer may create: they load again.
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all(network.slug) });
    },
  });
  if (!enabled) return null;
  return (
    <section className="card stack" aria-labelledby="resources-settings">
      <h2 id="resources-settings">{t('resources.title')}</h2>
      {settings.isPending && <Loading />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <SavedCheckbox
          checked={settings.data.staffOnlyEditing}
          label={t('resources.setting_staff_only')}
          save={save}
        />
      )}
    </section>
  );
}
