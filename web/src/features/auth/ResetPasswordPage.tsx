import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../../common/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { confirmPasswordReset } from './api.ts';

const fields = ['password'] as const;

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useApiForm({
    fields,
    required: fields,
    codeFields: { WEAK_PASSWORD: 'password' },
    submit: (v) => confirmPasswordReset({ token, password: v.password }),
  });
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.reset.title')} />
      {!token && (
        <>
          <Alert tone="error">{t('errors.TOKEN_INVALID')}</Alert>
          <p>
            <Link to="/forgot-password">{t('auth.sign_in.forgot')}</Link>
          </p>
        </>
      )}
      {token && form.isSuccess && (
        <>
          <Alert tone="success">{t('auth.reset.success')}</Alert>
          <p>
            <Link className="button button-primary" to="/signin">
              {t('nav.sign_in')}
            </Link>
          </p>
        </>
      )}
      {token && !form.isSuccess && (
        <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
          <TextField
            name="password"
            type="password"
            label={t('auth.new_password')}
            hint={t('auth.password_hint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            error={form.errors.fields.password}
          />
          <Button type="submit" pending={form.isPending}>
            {t('auth.reset.submit')}
          </Button>
        </ApiForm>
      )}
    </div>
  );
}
