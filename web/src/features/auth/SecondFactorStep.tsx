import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer, SecondFactorRequired } from '../../../../common/contracts/auth.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { finishSignIn, finishSignInWithPasskey } from './api.ts';

const fields = ['code'] as const;

interface SecondFactorStepProps {
  pending: SecondFactorRequired;
  onSignedIn: (me: LoginAnswer) => void;
  /** Back to e-mail and password (the pending sign-in expired or was meant for someone else). */
  onRestart: () => void;
}

/**
 * The second step of signing in: a code from the authenticator app, a recovery code, or one of the
 * account's passkeys — whichever the account has.
 */
export function SecondFactorStep({ pending, onSignedIn, onRestart }: SecondFactorStepProps) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const hasCode = pending.methods.includes('totp');
  const hasPasskey = pending.methods.includes('passkey');
  const passkey = useApiForm({
    fields: [] as const,
    submit: () => finishSignInWithPasskey(pending.pendingToken, t('account.passkeys.not_used')),
    onSuccess: onSignedIn,
  });
  const form = useApiForm({
    fields,
    required: fields,
    codeFields: { SECOND_FACTOR_INVALID: 'code' },
    submit: ({ code }) => finishSignIn({ pendingToken: pending.pendingToken, code: code.replace(/\s/g, '') }),
    onSuccess: onSignedIn,
  });
  const { formRef } = form;
  const focusCode = () => formRef.current?.querySelector('input')?.focus();
  // The step replaces the password form: the code field takes the focus (and again on switching).
  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, [formRef]);
  const passkeyForm = hasPasskey && (
    <ApiForm formRef={passkey.formRef} onSubmit={passkey.onSubmit} formError={passkey.errors.form}>
      {!hasCode && <p>{t('auth.passkey.second_factor_intro')}</p>}
      <Button type="submit" variant={hasCode ? 'secondary' : 'primary'} pending={passkey.isPending}>
        {t('auth.passkey.second_factor_use')}
      </Button>
    </ApiForm>
  );
  if (!hasCode) {
    return (
      <div className="stack">
        {passkeyForm}
        <ul className="link-list">
          <li>
            <button type="button" className="link-button" onClick={onRestart}>
              {t('auth.back_to_sign_in')}
            </button>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>{recovery ? t('auth.second_factor.recovery_intro') : t('auth.second_factor.totp_intro')}</p>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          key={recovery ? 'recovery' : 'totp'}
          name="code"
          label={recovery ? t('auth.second_factor.recovery_label') : t('auth.second_factor.totp_label')}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          autoCapitalize="off"
          spellCheck={false}
          dir="ltr"
          error={form.errors.fields.code}
        />
        <Button type="submit" pending={form.isPending}>
          {t('auth.second_factor.submit')}
        </Button>
      </ApiForm>
      {passkeyForm}
      <ul className="link-list">
        <li>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              form.reset();
              setRecovery(!recovery);
              requestAnimationFrame(focusCode);
            }}
          >
            {recovery ? t('auth.second_factor.use_totp') : t('auth.second_factor.use_recovery')}
          </button>
        </li>
        <li>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('auth.back_to_sign_in')}
          </button>
        </li>
      </ul>
    </div>
  );
}
