import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { setSignInNotice } from '../auth/sign-in-notice.ts';

/** Says, once after signing in, that the sign-in cancelled the deletion of the account. */
export default function DeletionCancelledNotice() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-success stack-tight sign-in-notice" role="status">
      <p>{t('account.data.delete.cancelled')}</p>
      <div className="actions">
        <Link to="/account">{t('account.data.delete.cancelled_link')}</Link>
        <Button variant="secondary" onClick={() => setSignInNotice(null)}>
          {t('account.data.delete.cancelled_dismiss')}
        </Button>
      </div>
    </div>
  );
}
