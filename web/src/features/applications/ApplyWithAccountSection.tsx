import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Network } from '../../../../common/contracts/networks.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AccountFields } from '../auth/AccountFields.tsx';
import { hasPublishedLegal, legalKeys, shownVersions, useCurrentLegal } from '../legal/api.ts';
import { ConsentField } from '../legal/ConsentField.tsx';
import { applyWithAccount } from './api.ts';
import { ApplicationFields } from './ApplicationFields.tsx';

const fields = [
  'displayName',
  'email',
  'password',
  'consent',
  'motivation',
  'experience',
  'languages',
] as const;
const required = ['displayName', 'email', 'password', 'motivation', 'experience'] as const;

/**
 * A visitor who is an experienced mentor applies and creates the account in one form; the
 * application reaches the network once the address is confirmed. People with an account sign in.
 */
export function ApplyWithAccountSection({ network }: { network: Network }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const legal = useCurrentLegal();
  const next = `/networks/${network.slug}`;
  const form = useApiForm({
    fields,
    required,
    codeFields: { WEAK_PASSWORD: 'password', DOCUMENT_CHANGED: 'consent' },
    validate: (v) =>
      legal.data && hasPublishedLegal(legal.data) && v.consent !== 'yes'
        ? { consent: t('legal.consent.missing') }
        : {},
    submit: async (v, data) => {
      try {
        return await applyWithAccount(network.slug, {
          displayName: v.displayName,
          email: v.email,
          password: v.password,
          locale: currentLocale(),
          acceptedLegal: legal.data ? shownVersions(legal.data) : {},
          motivation: v.motivation,
          experience: v.experience,
          languages: data.getAll('languages').map(String) as never,
        });
      } catch (error) {
        if (isApiError(error, 'DOCUMENT_CHANGED'))
          void queryClient.invalidateQueries({ queryKey: legalKeys.current });
        throw error;
      }
    },
    onSuccess: (_result, v) =>
      navigate('/signup/check-mail', { state: { email: v.email, applyingTo: network.name } }),
  });
  return (
    <section className="card stack" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('networks.home.join_title')}</h2>
      <ul className="stack-tight">
        <li>{t('applications.with_account.graduates')}</li>
        <li>
          {t('applications.with_account.organisations')}{' '}
          <Link to="/organisations/new">{t('applications.with_account.found_network')}</Link>
        </li>
        <li>{t('applications.with_account.intro')}</li>
      </ul>
      <p>
        {t('applications.with_account.have_account')}{' '}
        <Link to={`/signin?next=${encodeURIComponent(next)}`}>{t('nav.sign_in')}</Link>
      </p>
      {legal.isPending && <Loading />}
      {legal.isError && <QueryError error={legal.error} onRetry={() => void legal.refetch()} />}
      {legal.data && (
        <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
          <fieldset className="stack">
            <legend>{t('applications.with_account.about_you')}</legend>
            <ApplicationFields network={network} errors={form.errors.fields} />
          </fieldset>
          <fieldset className="stack">
            <legend>{t('applications.with_account.your_account')}</legend>
            <AccountFields errors={form.errors.fields} />
            <ConsentField
              key={JSON.stringify(shownVersions(legal.data))}
              current={legal.data}
              error={form.errors.fields.consent}
            />
          </fieldset>
          <Button type="submit" pending={form.isPending}>
            {t('applications.with_account.submit')}
          </Button>
        </ApiForm>
      )}
    </section>
  );
}
