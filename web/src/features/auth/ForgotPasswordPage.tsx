import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { requestPasswordReset } from './api.ts';

const fields = ['email'] as const;

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useApiForm({ fields, required: fields, submit: (v) => requestPasswordReset(v.email) });
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.forgot.title')} />
      {form.isSuccess ? (
        <Alert tone="success">{t('auth.forgot.sent')}</Alert>
      ) : (
        <>
          <p>{t('auth.forgot.intro')}</p>
          <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
            <TextField
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="email"
              inputMode="email"
              error={form.errors.fields.email}
            />
            <Button type="submit" pending={form.isPending}>
              {t('auth.forgot.submit')}
            </Button>
          </ApiForm>
        </>
      )}
      <p>
        <Link to="/signin">{t('auth.back_to_sign_in')}</Link>
      </p>
    </div>
  );
}
