import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { resendVerification, useMe } from '../auth/api.ts';

export default function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const resend = useMutation({ mutationFn: resendVerification });
  if (!me) return null;
  return (
    <div className="page stack">
      <PageHeading title={t('home.title', { name: me.displayName })} />
      <p className="muted">{t('home.member_since', { date: new Date(me.createdAt) })}</p>
      {!me.emailVerified && (
        <section className="card stack" aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t('home.verify_title')}</h2>
          <p>{t('home.verify_body', { email: me.email })}</p>
          {resend.isSuccess ? (
            <Alert tone="success">{t('auth.verify.resent')}</Alert>
          ) : (
            <div>
              <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
                {t('auth.verify.resend')}
              </Button>
            </div>
          )}
          {resend.isError && <Alert tone="error">{resend.error.message}</Alert>}
        </section>
      )}
      <section className="card stack" aria-labelledby="next-heading">
        <h2 id="next-heading">{t('home.next_title')}</h2>
        <p>{t('home.next_body')}</p>
        <p>
          <Link className="button button-secondary" to="/account">
            {t('home.next_action')}
          </Link>
        </p>
      </section>
    </div>
  );
}
