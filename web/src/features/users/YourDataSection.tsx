import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DELETION_GRACE_DAYS, EXPORT_KEEP_DAYS } from '../../../../common/account-data.ts';
import type {
  DataExport,
  DeleteAccountBody,
  DeletionState,
} from '../../../../common/contracts/account-data.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatNumber } from '../../lib/format.ts';
import { authKeys } from '../auth/api.ts';
import {
  deleteAccount,
  requestDataExport,
  useDataExport,
  useDeletionState,
  userKeys,
  useTwoFactor,
} from './api.ts';

/** The deletion's body from the dialog's form: the password, a code, or both (empty fields left out). */
export function deletionBody(data: FormData): DeleteAccountBody {
  const password = String(data.get('password') ?? '');
  const code = String(data.get('code') ?? '').trim();
  return {
    ...((password !== '' || code === '') && { password }),
    ...(code !== '' && { code }),
    removePostText: data.get('removePostText') === 'on',
  };
}

/** The zip's size in kB or MB, in the reader's language. */
function sizeOf(bytes: number, locale: string): string {
  return bytes >= 1_000_000
    ? `${formatNumber(bytes / 1_000_000, locale, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1000)), locale, 0)} kB`;
}

/** The state of the latest export, with its download link while it is ready. */
export function ExportStatus({ current }: { current: DataExport | null }) {
  const { t, i18n } = useTranslation();
  if (!current) return null;
  switch (current.status) {
    case 'pending':
      return <Alert tone="info">{t('account.data.export.pending')}</Alert>;
    case 'failed':
      return <Alert tone="error">{t('account.data.export.failed')}</Alert>;
    case 'expired':
      return <p className="muted">{t('account.data.export.expired')}</p>;
    case 'ready':
      return (
        <p>
          {t('account.data.export.ready', { when: new Date(current.expiresAt ?? current.requestedAt) })}{' '}
          {current.downloadUrl && (
            <a href={current.downloadUrl} download>
              {t('account.data.export.download', { size: sizeOf(current.size ?? 0, i18n.language) })}
            </a>
          )}
        </p>
      );
  }
}

/**
 * The confirmation's contents: the grace period, the networks handed over, password (or, with
 * two-factor sign-in on, a code from the app instead), posts' text.
 */
export function DeleteAccountFields({
  state,
  passwordError,
  twoFactor = false,
  codeError,
}: {
  state: DeletionState | undefined;
  passwordError?: string;
  twoFactor?: boolean;
  codeError?: string;
}) {
  const { t } = useTranslation();
  const networks = state?.soleMetaMentorOf ?? [];
  return (
    <div className="stack">
      <p>{t('account.data.delete.grace', { days: state?.graceDays ?? DELETION_GRACE_DAYS })}</p>
      {networks.length > 0 && (
        <Alert tone="info">
          <p>{t('account.data.delete.networks_warning', { count: networks.length })}</p>
          <ul>
            {networks.map((n) => (
              <li key={n.slug}>
                <bdi>{n.name}</bdi> — <bdi>{n.organisation}</bdi>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <TextField
        name="password"
        type="password"
        label={t('account.data.delete.password')}
        autoComplete="current-password"
        required={!twoFactor}
        error={passwordError}
      />
      {twoFactor && (
        <>
          <p className="muted">{t('account.data.delete.password_or_code')}</p>
          <TextField
            name="code"
            label={t('account.two_factor.disable_code_label')}
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            dir="ltr"
            error={codeError}
          />
        </>
      )}
      <label className="choice">
        <input type="checkbox" name="removePostText" />
        <span>{t('account.data.delete.remove_posts')}</span>
      </label>
    </div>
  );
}

/** "Your data" on the account page: download everything (GDPR Art. 15, 20), delete the account (Art. 17). */
export function YourDataSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const formId = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const dataExport = useDataExport();
  const deletion = useDeletionState();
  const twoFactor = useTwoFactor().data?.totpEnabled ?? false;
  const [confirming, setConfirming] = useState(false);

  const exportMutation = useMutation({
    mutationFn: requestDataExport,
    onSuccess: (state) => queryClient.setQueryData(userKeys.dataExport, state),
  });
  const deleteMutation = useMutation({
    mutationFn: deleteAccount,
    onSuccess: (state) => {
      // Every session ended with it: the app is signed out now.
      setConfirming(false);
      queryClient.setQueryData(authKeys.me, null);
      navigate('/', { replace: true, state: { accountDeletedUntil: state.eraseAfter } });
    },
  });
  const passwordError =
    deleteMutation.error && isApiError(deleteMutation.error, 'INVALID_CREDENTIALS')
      ? deleteMutation.error.message
      : undefined;
  const codeError =
    deleteMutation.error && isApiError(deleteMutation.error, 'SECOND_FACTOR_INVALID')
      ? deleteMutation.error.message
      : undefined;
  const otherError =
    deleteMutation.error && !passwordError && !codeError ? deleteMutation.error.message : undefined;

  const submitDeletion = () => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    deleteMutation.mutate(deletionBody(new FormData(form)));
  };

  const current = dataExport.data?.export ?? null;
  return (
    <section id="your-data" className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.data.title')}</h2>

      <h3>{t('account.data.export.title')}</h3>
      <p className="muted">{t('account.data.export.hint', { days: EXPORT_KEEP_DAYS })}</p>
      {dataExport.isPending && <Loading />}
      {dataExport.isError && <Alert tone="error">{dataExport.error.message}</Alert>}
      {dataExport.isSuccess && <ExportStatus current={current} />}
      {exportMutation.isError && <Alert tone="error">{exportMutation.error.message}</Alert>}
      {current?.status !== 'pending' && (
        <div className="actions">
          <Button
            variant="secondary"
            pending={exportMutation.isPending}
            onClick={() => exportMutation.mutate()}
          >
            {t('account.data.export.request')}
          </Button>
        </div>
      )}

      <h3>{t('account.data.delete.title')}</h3>
      <p className="muted">{t('account.data.delete.hint', { days: DELETION_GRACE_DAYS })}</p>
      <div className="actions">
        <Button
          variant="danger"
          onClick={() => {
            deleteMutation.reset();
            setConfirming(true);
          }}
        >
          {t('account.data.delete.open')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        message={t('account.data.delete.confirm')}
        confirmLabel={t('account.data.delete.submit')}
        pending={deleteMutation.isPending}
        onConfirm={submitDeletion}
        onCancel={() => setConfirming(false)}
      >
        <form
          id={formId}
          onSubmit={(e) => {
            e.preventDefault();
            submitDeletion();
          }}
        >
          <DeleteAccountFields
            state={deletion.data}
            passwordError={passwordError}
            twoFactor={twoFactor}
            codeError={codeError}
          />
        </form>
        {otherError && <Alert tone="error">{otherError}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
