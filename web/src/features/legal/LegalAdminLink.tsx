import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** For platform admins on their account page: the way to edit the privacy notice and terms of use. */
export function LegalAdminLink() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to="/admin/legal">{t('legal.admin.title')}</Link>
      </h2>
      <p className="muted">{t('legal.admin.link_body')}</p>
    </section>
  );
}
