import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { WELCOME_TEXT_MAX } from '../../../../common/tour.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { SettingCard } from '../../components/SettingCard.tsx';
import { setWelcome, tourKeys, useWelcome } from './api.ts';

/** In the network's settings: the welcome text the first-run tour of every new member opens with. */
export function WelcomeSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const welcome = useWelcome(network.slug, true);
  const save = useMutation({
    mutationFn: (text: string) => setWelcome(network.slug, text),
    onSuccess: (next) => queryClient.setQueryData(tourKeys.welcome(network.slug), next),
  });
  if (!welcome.data) return null;
  return (
    <SettingCard
      heading={t('tour.settings.heading')}
      savedText={t('tour.settings.saved')}
      save={save}
      onSave={(data) => save.mutate(String(data.get('welcomeText') ?? ''))}
    >
      <TextAreaField
        key={welcome.data.welcomeText}
        name="welcomeText"
        label={t('tour.settings.label')}
        hint={t('tour.settings.hint')}
        maxLength={WELCOME_TEXT_MAX}
        defaultValue={welcome.data.welcomeText}
      />
    </SettingCard>
  );
}
