import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../../../common/contracts/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { authKeys, useMe, verifyEmail } from './api.ts';

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const verification = useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => {
      queryClient.setQueryData<Me | null>(authKeys.me, (old) =>
        old ? { ...old, emailVerified: true } : old,
      );
    },
  });
  // Send the token once, even under StrictMode's double effects: tokens are single-use.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verification.mutate(token);
  }, [token, verification.mutate]);

  const applyingTo = verification.data?.application?.network;
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('auth.verify.title')} />
      {!token && <Alert tone="error">{t('errors.TOKEN_INVALID')}</Alert>}
      {token && (verification.isPending || verification.isIdle) && <Loading />}
      {verification.isError && <Alert tone="error">{verification.error.message}</Alert>}
      {verification.isSuccess && <Alert tone="success">{t('auth.verify.success')}</Alert>}
      {applyingTo && (
        <>
          <p>{t('applications.with_account.sent', { network: applyingTo.name })}</p>
          <p>
            <Link
              className="button button-primary"
              to={
                me
                  ? `/networks/${applyingTo.slug}`
                  : `/signin?next=${encodeURIComponent(`/networks/${applyingTo.slug}`)}`
              }
            >
              {t('applications.with_account.to_network', { network: applyingTo.name })}
            </Link>
          </p>
        </>
      )}
      {!applyingTo && (verification.isSuccess || verification.isError || !token) && (
        <p>
          {me ? (
            <Link className="button button-primary" to="/home">
              {t('auth.verify.to_home')}
            </Link>
          ) : (
            <Link className="button button-primary" to="/signin">
              {t('nav.sign_in')}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
