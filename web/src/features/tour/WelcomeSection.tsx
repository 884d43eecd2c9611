import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { WELCOME_TEXT_MAX } from '../../../../common/tour.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { setWelcome, tourKeys, useWelcome } from './api.ts';

/** In the network's settings: the welcome text the first-run tour of every new member opens with. */
export function WelcomeSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const welcome = useWelcome(network.slug, true);
  const save = useMutation({
    mutationFn: (text: string) => setWelcome(network.slug, text),
    onSuccess: (next) => queryClient.setQueryData(tourKeys.welcome(network.slug), next),
  });
  if (!welcome.data) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(String(new FormData(event.currentTarget).get('welcomeText') ?? ''));
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tour.settings.heading')}</h2>
      <form className="stack-tight" onSubmit={onSubmit}>
        <TextAreaField
          key={welcome.data.welcomeText}
          name="welcomeText"
          label={t('tour.settings.label')}
          hint={t('tour.settings.hint')}
          maxLength={WELCOME_TEXT_MAX}
          defaultValue={welcome.data.welcomeText}
        />
        <div>
          <Button type="submit" variant="secondary" pending={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      {save.isSuccess && <Alert tone="success">{t('tour.settings.saved')}</Alert>}
      {save.isError && <Alert tone="error">{save.error.message}</Alert>}
    </section>
  );
}
