import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { Alert } from './Alert.tsx';

/** The error state of a section whose data did not load; "not found" reads as such. */
export function QueryError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = isApiError(error, 'NOT_FOUND') ? t('common.not_found_body') : error.message;
  return (
    <Alert tone="error">
      {message}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      )}
    </Alert>
  );
}
