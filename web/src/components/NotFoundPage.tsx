import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('common.not_found_title')} />
      <p>{t('common.not_found_body')}</p>
      <p>
        <Link to="/">{t('common.go_home')}</Link>
      </p>
    </div>
  );
}
