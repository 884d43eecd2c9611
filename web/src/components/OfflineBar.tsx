import { useTranslation } from 'react-i18next';
import { formatMoment } from '../lib/format.ts';
import { useOnline, useSavedAt } from '../lib/offline.ts';

/** Says, while offline, that the page shows what was saved and when (the time in the reader's language). */
export function OfflineBar() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const savedAt = useSavedAt(!online);
  return (
    <div className="offline-bar-region" role="status">
      {!online && (
        <p className="offline-bar" data-testid="offline-bar">
          {savedAt > 0
            ? t('offline.saved_at', { time: formatMoment(savedAt, i18n.language) })
            : t('offline.title')}
        </p>
      )}
    </div>
  );
}
