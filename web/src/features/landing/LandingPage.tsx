import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSetupStatus } from '../setup/api.ts';

export default function LandingPage() {
  const { t } = useTranslation();
  const { data: setup } = useSetupStatus();
  // A fresh installation has nobody to sign in: lead the installer to the first-run setup.
  if (setup?.needsSetup) return <Navigate to="/setup" replace />;
  return (
    <div className="page landing">
      <section className="hero stack">
        <PageHeading title={t('landing.title')} />
        <p className="lead">{t('landing.intro')}</p>
        <div className="actions">
          <Link className="button button-primary" to="/signup">
            {t('landing.cta_sign_up')}
          </Link>
          <Link className="button button-secondary" to="/signin">
            {t('landing.cta_sign_in')}
          </Link>
        </div>
      </section>
      <section className="stack" aria-labelledby="landing-directory">
        <h2 id="landing-directory">{t('landing.directory_title')}</h2>
        <p>{t('landing.directory_intro')}</p>
        <p>
          <Link className="button button-secondary" to="/directory">
            {t('landing.directory_action')}
          </Link>
        </p>
      </section>
    </div>
  );
}
