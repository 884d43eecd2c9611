import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** For platform admins on their account page: the way to the jobs that need attention. */
export function OperationsLink() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to="/admin/jobs">{t('operations.link')}</Link>
      </h2>
      <p className="muted">{t('operations.link_body')}</p>
    </section>
  );
}
