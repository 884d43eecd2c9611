import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useMyProfile } from '../profiles/api.ts';
import { ApplicationFields } from './ApplicationFields.tsx';
import { applicationKeys, applyToNetwork, useMyApplications } from './api.ts';
import { WithdrawApplicationButton } from './WithdrawApplicationButton.tsx';

const fields = ['motivation', 'experience', 'languages'] as const;

/** Experienced mentors apply to join a public network; staff decide, the applicant hears by mail. */
export function ApplySection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useMyApplications();
  // Only the applicant's own languages are ticked, never the network's.
  const profile = useMyProfile();
  const pending = mine.data?.applications.find(
    (a) => a.network.slug === network.slug && a.status === 'pending',
  );
  const [withdrawn, setWithdrawn] = useState(false);
  const withdrawnRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (withdrawn) withdrawnRef.current?.focus();
  }, [withdrawn]);
  const form = useApiForm({
    fields,
    required: ['motivation', 'experience'],
    codeFields: { APPLICATION_EXISTS: 'motivation' },
    submit: (v, data) =>
      applyToNetwork(network.slug, {
        motivation: v.motivation,
        experience: v.experience,
        languages: data.getAll('languages').map(String) as never,
      }),
    onSuccess: () => {
      setWithdrawn(false);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine });
    },
  });
  return (
    <section className="card stack" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('applications.apply_title')}</h2>
      {pending || form.isSuccess ? (
        <>
          <Alert tone="success">{t('applications.apply_pending', { network: network.name })}</Alert>
          {pending && (
            <div>
              <WithdrawApplicationButton
                application={pending}
                onWithdrawn={() => {
                  form.reset();
                  setWithdrawn(true);
                }}
              />
            </div>
          )}
        </>
      ) : (
        <>
          {withdrawn && (
            <div ref={withdrawnRef} tabIndex={-1}>
              <Alert tone="success">{t('applications.withdrawn_done', { network: network.name })}</Alert>
            </div>
          )}
          <p>{t('applications.apply_intro')}</p>
          <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
            <ApplicationFields
              network={network}
              errors={form.errors.fields}
              languages={profile.data?.languages}
            />
            <Button type="submit" pending={form.isPending}>
              {t('applications.apply_submit')}
            </Button>
          </ApiForm>
        </>
      )}
    </section>
  );
}
