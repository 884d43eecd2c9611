import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment, TwoFactorStatus } from '../../../../common/contracts/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { confirmTotp, disableTotp, renewRecoveryCodes, startTotp, userKeys, useTwoFactor } from './api.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';

const codeFields = ['code'] as const;
const disableFields = ['currentPassword', 'code'] as const;
const digitsOnly = (code: string) => code.replace(/\s/g, '');

/** The code field of the forms below: six digits from the app (or, when turning off, a recovery code). */
function CodeField({ label, error, numeric = true }: { label: string; error?: string; numeric?: boolean }) {
  return (
    <TextField
      name="code"
      label={label}
      autoComplete={numeric ? 'one-time-code' : 'off'}
      inputMode={numeric ? 'numeric' : 'text'}
      autoCapitalize="off"
      spellCheck={false}
      dir="ltr"
      error={error}
    />
  );
}

/** Account security: two-factor sign-in with an authenticator app and recovery codes. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const status = useTwoFactor();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Every change of factors signs out the other sessions: the lists are stale.
  const changed = (message: string | null, newCodes: string[] | null = null) => {
    setNotice(message);
    setCodes(newCodes);
    void queryClient.invalidateQueries({ queryKey: userKeys.twoFactor });
    void queryClient.invalidateQueries({ queryKey: userKeys.sessions });
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.two_factor.title')}</h2>
      <p className="muted">{t('account.two_factor.intro')}</p>
      {status.isPending && <Loading />}
      {status.isError && <Alert tone="error">{status.error.message}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {codes ? (
        <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
      ) : status.data?.totpEnabled ? (
        <TotpOn
          status={status.data}
          onRenewed={(next) => changed(null, next)}
          onDisabled={() => changed(t('account.two_factor.disabled'))}
        />
      ) : status.data ? (
        <TotpSetup onEnabled={(next) => changed(t('account.two_factor.enabled'), next)} />
      ) : null}
    </section>
  );
}

/** Off: start enrolment, scan the QR code (or type the key), confirm with the first code. */
function TotpSetup({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const start = useMutation({ mutationFn: startTotp, onSuccess: setEnrolment });
  const form = useApiForm({
    fields: codeFields,
    required: codeFields,
    codeFields: { SECOND_FACTOR_INVALID: 'code' },
    submit: ({ code }) => confirmTotp(digitsOnly(code)),
    onSuccess: ({ recoveryCodes }) => {
      setEnrolment(null);
      onEnabled(recoveryCodes);
    },
  });
  if (!enrolment) {
    return (
      <div className="stack">
        <p>{t('account.two_factor.status_off')}</p>
        {start.isError && <Alert tone="error">{start.error.message}</Alert>}
        <div>
          <Button onClick={() => start.mutate()} pending={start.isPending}>
            {t('account.two_factor.setup')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>{t('account.two_factor.scan')}</p>
      <img
        className="totp-qr"
        src={enrolment.qrCode}
        alt={t('account.two_factor.qr_alt')}
        width={200}
        height={200}
      />
      <p>{t('account.two_factor.manual')}</p>
      <p>
        <code className="totp-secret" dir="ltr">
          {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
        </code>
      </p>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <CodeField label={t('account.two_factor.code_label')} error={form.errors.fields.code} />
        <div className="actions">
          <Button type="submit" pending={form.isPending}>
            {t('account.two_factor.confirm')}
          </Button>
          <Button variant="secondary" onClick={() => setEnrolment(null)}>
            {t('account.two_factor.cancel')}
          </Button>
        </div>
      </ApiForm>
    </div>
  );
}

interface TotpOnProps {
  status: TwoFactorStatus;
  onRenewed: (codes: string[]) => void;
  onDisabled: () => void;
}

/** On: how many recovery codes are left, new codes, turning it off with password and code. */
function TotpOn({ status, onRenewed, onDisabled }: TotpOnProps) {
  const { t } = useTranslation();
  const renewId = useId();
  const disableId = useId();
  const renew = useApiForm({
    fields: codeFields,
    required: codeFields,
    codeFields: { SECOND_FACTOR_INVALID: 'code' },
    submit: ({ code }) => renewRecoveryCodes(digitsOnly(code)),
    onSuccess: ({ recoveryCodes }) => onRenewed(recoveryCodes),
  });
  const disable = useApiForm({
    fields: disableFields,
    required: disableFields,
    codeFields: { INVALID_CREDENTIALS: 'currentPassword', SECOND_FACTOR_INVALID: 'code' },
    submit: ({ currentPassword, code }) => disableTotp({ currentPassword, code: code.trim() }),
    onSuccess: onDisabled,
  });
  return (
    <div className="stack">
      <p>
        <span className="badge badge-ok">{t('account.two_factor.badge_on')}</span>{' '}
        {status.totpEnabledAt && t('account.two_factor.status_on', { when: new Date(status.totpEnabledAt) })}
      </p>
      <p>{t('account.two_factor.codes_left', { count: status.recoveryCodesLeft })}</p>
      <section className="stack" aria-labelledby={renewId}>
        <h3 id={renewId}>{t('account.two_factor.renew_title')}</h3>
        <p className="muted">{t('account.two_factor.renew_hint')}</p>
        <ApiForm formRef={renew.formRef} onSubmit={renew.onSubmit} formError={renew.errors.form}>
          <CodeField label={t('account.two_factor.code_label')} error={renew.errors.fields.code} />
          <Button type="submit" variant="secondary" pending={renew.isPending}>
            {t('account.two_factor.renew_submit')}
          </Button>
        </ApiForm>
      </section>
      <section className="stack" aria-labelledby={disableId}>
        <h3 id={disableId}>{t('account.two_factor.disable_title')}</h3>
        <ApiForm formRef={disable.formRef} onSubmit={disable.onSubmit} formError={disable.errors.form}>
          <TextField
            name="currentPassword"
            type="password"
            label={t('account.password.current')}
            autoComplete="current-password"
            error={disable.errors.fields.currentPassword}
          />
          <CodeField
            label={t('account.two_factor.disable_code_label')}
            error={disable.errors.fields.code}
            numeric={false}
          />
          <Button type="submit" variant="danger" pending={disable.isPending}>
            {t('account.two_factor.disable_submit')}
          </Button>
        </ApiForm>
      </section>
    </div>
  );
}
