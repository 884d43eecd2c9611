import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { AccountFields } from './AccountFields.tsx';
import { register } from './api.ts';

const fields = ['displayName', 'email', 'password'] as const;

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm({
    fields,
    required: fields,
    codeFields: { WEAK_PASSWORD: 'password', EMAIL_TAKEN: 'email' },
    submit: (v) => register({ ...v, locale: currentLocale() }),
    onSuccess: (_result, v) => navigate('/signup/check-mail', { state: { email: v.email } }),
  });
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.sign_up.title')} />
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <AccountFields errors={form.errors.fields} />
        <Button type="submit" pending={form.isPending}>
          {t('auth.sign_up.submit')}
        </Button>
      </ApiForm>
      <p>
        <Link to="/signin">{t('auth.sign_up.have_account')}</Link>
      </p>
    </div>
  );
}
