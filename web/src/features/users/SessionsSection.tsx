import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInMethod } from '../../../../common/auth.ts';
import type { SessionInfo } from '../../../../common/contracts/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { revokeOtherSessions, revokeSession, userKeys, useSessions } from './api.ts';
import { describeDevice } from './describe-device.ts';

/** How a session signed in, in words. */
const METHOD_LABELS: Record<SignInMethod, string> = {
  password: 'account.sessions.method.password',
  password_totp: 'account.sessions.method.password_totp',
  password_passkey: 'account.sessions.method.password_passkey',
  recovery_code: 'account.sessions.method.recovery_code',
  passkey: 'account.sessions.method.passkey',
};

type Pending = { kind: 'one'; session: SessionInfo } | { kind: 'others' } | null;

/** Where the account is signed in, with per-device sign-out and "sign out everywhere else". */
export function SessionsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [done, setDone] = useState(false);
  const revoke = useMutation({
    mutationFn: (target: NonNullable<Pending>) =>
      target.kind === 'one' ? revokeSession(target.session.id) : revokeOtherSessions(),
    onSuccess: () => {
      setConfirming(null);
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: userKeys.sessions });
    },
  });

  const deviceName = (s: SessionInfo) => describeDevice(s.userAgent) ?? t('account.sessions.unknown_device');
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.sessions.title')}</h2>
      {sessions.isPending && <Loading />}
      {sessions.isError && <Alert tone="error">{sessions.error.message}</Alert>}
      {sessions.isSuccess && (
        <>
          <p className="muted">{t('account.sessions.count', { count: list.length })}</p>
          <ul className="session-list">
            {[...list]
              .sort((a, b) => Number(b.current) - Number(a.current))
              .map((s) => (
                <li key={s.id} className="session">
                  <div className="session-info">
                    <p className="session-device">
                      {deviceName(s)}
                      {s.current && (
                        <span className="badge badge-ok">{t('account.sessions.this_device')}</span>
                      )}
                    </p>
                    <p className="muted small">{t(METHOD_LABELS[s.signInMethod])}</p>
                    <p className="muted small">
                      {t('account.sessions.last_seen', { when: new Date(s.lastSeenAt) })}
                      {s.ip && (
                        <>
                          {' · '}
                          <span dir="ltr">{s.ip}</span>
                        </>
                      )}
                    </p>
                  </div>
                  {!s.current && (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setDone(false);
                        setConfirming({ kind: 'one', session: s });
                      }}
                      aria-label={t('account.sessions.revoke_named', { device: deviceName(s) })}
                    >
                      {t('account.sessions.revoke')}
                    </Button>
                  )}
                </li>
              ))}
          </ul>
          {others.length === 0 ? (
            <p className="empty">{t('account.sessions.only_this')}</p>
          ) : (
            <div>
              <Button
                variant="danger"
                onClick={() => {
                  setDone(false);
                  setConfirming({ kind: 'others' });
                }}
              >
                {t('account.sessions.revoke_all')}
              </Button>
            </div>
          )}
          {done && <Alert tone="success">{t('account.sessions.revoked')}</Alert>}
          {revoke.isError && <Alert tone="error">{revoke.error.message}</Alert>}
        </>
      )}
      <ConfirmDialog
        open={confirming !== null}
        message={
          confirming?.kind === 'one'
            ? t('account.sessions.revoke_confirm', { device: deviceName(confirming.session) })
            : t('account.sessions.revoke_all_confirm')
        }
        confirmLabel={
          confirming?.kind === 'one' ? t('account.sessions.revoke') : t('account.sessions.revoke_all')
        }
        pending={revoke.isPending}
        onConfirm={() => confirming && revoke.mutate(confirming)}
        onCancel={() => {
          setConfirming(null);
          revoke.reset();
        }}
      />
    </section>
  );
}
