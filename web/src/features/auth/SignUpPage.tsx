import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { currentLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { hasPublishedLegal, legalKeys, shownVersions, useCurrentLegal } from '../legal/api.ts';
import { ConsentField } from '../legal/ConsentField.tsx';
import { AccountFields } from './AccountFields.tsx';
import { register } from './api.ts';

const fields = ['displayName', 'email', 'password', 'consent'] as const;
const required = ['displayName', 'email', 'password'] as const;

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const legal = useCurrentLegal();
  const form = useApiForm({
    fields,
    required,
    codeFields: { WEAK_PASSWORD: 'password', EMAIL_TAKEN: 'email', DOCUMENT_CHANGED: 'consent' },
    validate: (v) =>
      legal.data && hasPublishedLegal(legal.data) && v.consent !== 'yes'
        ? { consent: t('legal.consent.missing') }
        : {},
    submit: async ({ consent: _, ...v }) => {
      try {
        // The versions on screen: a text published meanwhile is refused (DOCUMENT_CHANGED) and shown.
        return await register({
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
    onSuccess: (_result, v) => navigate('/signup/check-mail', { state: { email: v.email } }),
  });
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.sign_up.title')} />
      {legal.isPending && <Loading />}
      {legal.isError && <QueryError error={legal.error} onRetry={() => void legal.refetch()} />}
      {legal.data && (
        <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
          <AccountFields errors={form.errors.fields} />
          <ConsentField
            key={JSON.stringify(shownVersions(legal.data))}
            current={legal.data}
            error={form.errors.fields.consent}
          />
          <Button type="submit" pending={form.isPending}>
            {t('auth.sign_up.submit')}
          </Button>
        </ApiForm>
      )}
      <p>
        <Link to="/signin">{t('auth.sign_up.have_account')}</Link>
      </p>
    </div>
  );
}
