import { useTranslation } from 'react-i18next';
import { useOnline } from '../lib/offline.ts';

/** The loading state of a page or section; offline, it says that this was not saved for offline reading. */
export function Loading() {
  const { t } = useTranslation();
  const online = useOnline();
  if (!online) {
    return (
      <p className="loading" role="status">
        {t('offline.not_saved')}
      </p>
    );
  }
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}
