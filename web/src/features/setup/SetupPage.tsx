import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AccountFields } from '../auth/AccountFields.tsx';
import { authKeys } from '../auth/api.ts';
import { hasPublishedLegal, legalKeys, shownVersions, useCurrentLegal } from '../legal/api.ts';
import { ConsentField } from '../legal/ConsentField.tsx';
import { completeSetup, setupKeys, useSetupStatus } from './api.ts';

const fields = ['token', 'displayName', 'email', 'password', 'consent'] as const;
const required = ['token', 'displayName', 'email', 'password'] as const;

export default function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useSetupStatus();
  // Texts carried over from an earlier installation are accepted like at sign-up (usually none).
  const legal = useCurrentLegal();
  const form = useApiForm({
    fields,
    required,
    codeFields: { WEAK_PASSWORD: 'password', SETUP_TOKEN_INVALID: 'token', DOCUMENT_CHANGED: 'consent' },
    validate: (v) =>
      legal.data && hasPublishedLegal(legal.data) && v.consent !== 'yes'
        ? { consent: t('legal.consent.missing') }
        : {},
    submit: async ({ consent: _, ...v }) => {
      try {
        return await completeSetup({
          ...v,
          locale: currentLocale(),
          acceptedLegal: legal.data ? shownVersions(legal.data) : {},
        });
      } catch (error) {
        if (isApiError(error, 'DOCUMENT_CHANGED'))
          void queryClient.invalidateQueries({ queryKey: legalKeys.current });
        throw error;
      }
    },
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me, me);
      queryClient.setQueryData(setupKeys.status, { needsSetup: false });
      navigate('/home', { replace: true });
    },
  });

  let content: React.ReactNode;
  if (status.isPending || legal.isPending) content = <Loading />;
  else if (legal.isError) content = <QueryError error={legal.error} onRetry={() => void legal.refetch()} />;
  else if (status.data && !status.data.needsSetup && !form.isSuccess)
    content = (
      <>
        <Alert tone="info">{t('errors.SETUP_DONE')}</Alert>
        <p>
          <Link className="button button-primary" to="/signin">
            {t('nav.sign_in')}
          </Link>
        </p>
      </>
    );
  else
    content = (
      <>
        <p className="lead">{t('setup.intro')}</p>
        <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
          <TextField
            name="token"
            label={t('setup.token')}
            hint={t('setup.token_hint')}
            defaultValue={params.get('token') ?? ''}
            autoComplete="off"
            spellCheck={false}
            error={form.errors.fields.token}
          />
          <AccountFields errors={form.errors.fields} nameHint={false} />
          {legal.data && (
            <ConsentField
              key={JSON.stringify(shownVersions(legal.data))}
              current={legal.data}
              error={form.errors.fields.consent}
            />
          )}
          <Button type="submit" pending={form.isPending}>
            {t('setup.submit')}
          </Button>
        </ApiForm>
      </>
    );

  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('setup.title')} />
      {content}
    </div>
  );
}
