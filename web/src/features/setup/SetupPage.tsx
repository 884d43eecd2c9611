import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AccountFields } from '../auth/AccountFields.tsx';
import { authKeys } from '../auth/api.ts';
import { completeSetup, setupKeys, useSetupStatus } from './api.ts';

const fields = ['token', 'displayName', 'email', 'password'] as const;

export default function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useSetupStatus();
  const form = useApiForm({
    fields,
    required: fields,
    codeFields: { WEAK_PASSWORD: 'password', SETUP_TOKEN_INVALID: 'token' },
    submit: (v) => completeSetup({ ...v, locale: currentLocale() }),
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me, me);
      queryClient.setQueryData(setupKeys.status, { needsSetup: false });
      navigate('/home', { replace: true });
    },
  });

  let content: React.ReactNode;
  if (status.isPending) content = <Loading />;
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
