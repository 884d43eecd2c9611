import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../common/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { changePassword, userKeys } from './api.ts';

const fields = ['currentPassword', 'newPassword', 'code'] as const;
const required = ['currentPassword', 'newPassword'] as const;

export function PasswordSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  // After a lockout the form offers the code: an account with a second factor gets through with it.
  const [locked, setLocked] = useState(false);
  const form = useApiForm({
    fields,
    required,
    codeFields: { INVALID_CREDENTIALS: 'currentPassword', WEAK_PASSWORD: 'newPassword' },
    submit: ({ code, ...passwords }) =>
      changePassword({ ...passwords, ...(code.trim() !== '' && { code: code.trim() }) }).catch(
        (error: unknown) => {
          if (isApiError(error, 'RATE_LIMITED')) setLocked(true);
          throw error;
        },
      ),
    onSuccess: () => {
      form.formRef.current?.reset();
      // The server signed out every other session.
      void queryClient.invalidateQueries({ queryKey: userKeys.sessions });
    },
  });
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.password.title')}</h2>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          error={form.errors.fields.currentPassword}
        />
        <TextField
          name="newPassword"
          type="password"
          label={t('auth.new_password')}
          hint={t('auth.password_hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={form.errors.fields.newPassword}
        />
        {locked && (
          <>
            <p className="muted">{t('account.password.locked_code_hint')}</p>
            <TextField
              name="code"
              label={t('account.two_factor.disable_code_label')}
              autoComplete="one-time-code"
              autoCapitalize="off"
              spellCheck={false}
              dir="ltr"
              error={form.errors.fields.code}
            />
          </>
        )}
        {form.isSuccess && <Alert tone="success">{t('account.password.changed')}</Alert>}
        <Button type="submit" pending={form.isPending}>
          {t('account.password.submit')}
        </Button>
      </ApiForm>
    </section>
  );
}
