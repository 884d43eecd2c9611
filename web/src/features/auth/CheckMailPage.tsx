import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';

export default function CheckMailPage() {
  const { t } = useTranslation();
  const state = useLocation().state as { email?: string; applyingTo?: string } | null;
  return (
    <div className="page page-narrow stack">
      <div className="illustration">
        <svg aria-hidden="true" viewBox="0 0 64 64" width="64" height="64">
          <rect x="6" y="14" width="52" height="36" rx="6" />
          <path d="M8 18l24 18 24-18" />
        </svg>
      </div>
      <PageHeading title={t('auth.check_mail.title')} />
      <p className="lead">
        {state?.email
          ? t('auth.check_mail.body', { email: state.email })
          : t('auth.check_mail.body_no_email')}
      </p>
      {state?.applyingTo && (
        <p>{t('applications.with_account.sent_after_confirm', { network: state.applyingTo })}</p>
      )}
      <p className="muted">{t('auth.check_mail.spam_hint')}</p>
      <p>
        <Link to="/signin">{t('auth.back_to_sign_in')}</Link>
      </p>
    </div>
  );
}
