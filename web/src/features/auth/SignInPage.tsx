import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LoginAnswer, SecondFactorRequired } from '../../../../common/contracts/auth.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { safeNext } from '../../lib/safe-next.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { isApiError } from '../../lib/api-client.ts';
import { canUsePasskeys } from '../../lib/webauthn.ts';
import { authKeys, loginBody, needsSecondFactor, signIn, signInWithPasskey } from './api.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { setSignInNotice } from './sign-in-notice.ts';

const fields = ['email', 'password', 'code'] as const;
const required = ['email', 'password'] as const;

/** Only same-site paths are accepted as the place to return to after signing in. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<SecondFactorRequired | null>(null);
  // After a lockout the form offers the code: an account with a second factor signs in with both.
  const [locked, setLocked] = useState(false);
  const signedIn = ({ deletionCancelled, ...me }: LoginAnswer) => {
    if (deletionCancelled) setSignInNotice('deletion_cancelled');
    queryClient.setQueryData(authKeys.me, me);
    navigate(safeNext(params.get('next')), { replace: true });
  };
  const form = useApiForm({
    fields,
    required,
    submit: (values) =>
      signIn(loginBody(values)).catch((error: unknown) => {
        if (isApiError(error, 'RATE_LIMITED')) setLocked(true);
        throw error;
      }),
    onSuccess: (answer) => (needsSecondFactor(answer) ? setPending(answer) : signedIn(answer)),
  });
  const passkey = useApiForm({
    fields: [] as const,
    submit: () => signInWithPasskey(t('account.passkeys.not_used')),
    onSuccess: signedIn,
  });
  if (pending) {
    return (
      <div className="page page-narrow stack">
        <PageHeading title={t('auth.second_factor.title')} />
        <SecondFactorStep
          pending={pending}
          onSignedIn={signedIn}
          onRestart={() => {
            form.reset();
            setPending(null);
          }}
        />
      </div>
    );
  }
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.sign_in.title')} />
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="username"
          inputMode="email"
          error={form.errors.fields.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          error={form.errors.fields.password}
        />
        {locked && (
          <>
            <p className="muted">{t('auth.sign_in.locked_code_hint')}</p>
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
        <Button type="submit" pending={form.isPending}>
          {t('auth.sign_in.submit')}
        </Button>
      </ApiForm>
      {canUsePasskeys() && (
        <ApiForm formRef={passkey.formRef} onSubmit={passkey.onSubmit} formError={passkey.errors.form}>
          <p className="muted">{t('auth.passkey.hint')}</p>
          <Button type="submit" variant="secondary" pending={passkey.isPending}>
            {t('auth.passkey.sign_in')}
          </Button>
        </ApiForm>
      )}
      <ul className="link-list">
        <li>
          <Link to="/forgot-password">{t('auth.sign_in.forgot')}</Link>
        </li>
        <li>
          <Link to="/signup">{t('auth.sign_in.no_account')}</Link>
        </li>
      </ul>
    </div>
  );
}
