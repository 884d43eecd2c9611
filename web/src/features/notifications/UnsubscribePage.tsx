import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UnsubscribeInfo } from '../../../../common/contracts/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { confirmUnsubscribe, useUnsubscribeInfo } from './api.ts';

const SCOPE_KEYS = {
  mention: 'notifications.unsubscribe.scope_mention',
  reply: 'notifications.unsubscribe.scope_reply',
  message: 'notifications.unsubscribe.scope_message',
  buddies: 'notifications.unsubscribe.scope_buddies',
  help: 'notifications.unsubscribe.scope_help',
  events: 'notifications.unsubscribe.scope_events',
  applications: 'notifications.unsubscribe.scope_applications',
  progression: 'notifications.unsubscribe.scope_progression',
  reengagement: 'notifications.unsubscribe.scope_reengagement',
  help_wanted: 'notifications.unsubscribe.scope_help_wanted',
  upcoming_events: 'notifications.unsubscribe.scope_upcoming_events',
  missed: 'notifications.unsubscribe.scope_missed',
  records: 'notifications.unsubscribe.scope_records',
  all: 'notifications.unsubscribe.scope_all',
} as const;

/** The link from a notification mail: says what it turns off, and does it only when confirmed. Works signed out. */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useUnsubscribeInfo(token);
  const confirm = useMutation({ mutationFn: () => confirmUnsubscribe(token) });
  const state: UnsubscribeInfo | undefined = confirm.data ?? info.data;

  let body: React.ReactNode;
  if (!token) body = <Alert tone="error">{t('notifications.unsubscribe.invalid')}</Alert>;
  else if (info.isPending) body = <Loading />;
  else if (info.isError)
    body = (
      <Alert tone="error">
        {isApiError(info.error, 'TOKEN_EXPIRED')
          ? t('notifications.unsubscribe.expired')
          : isApiError(info.error, 'TOKEN_INVALID') || isApiError(info.error, 'VALIDATION_FAILED')
            ? t('notifications.unsubscribe.invalid')
            : info.error.message}
      </Alert>
    );
  else if (state)
    body = (
      <>
        <p>{t(SCOPE_KEYS[state.scope], { email: state.email })}</p>
        <p className="muted">{t('notifications.unsubscribe.announcements')}</p>
        {state.done ? (
          <Alert tone="success">{t('notifications.unsubscribe.done')}</Alert>
        ) : (
          <div className="actions">
            <Button pending={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('notifications.unsubscribe.confirm')}
            </Button>
          </div>
        )}
        {confirm.isError && <Alert tone="error">{confirm.error.message}</Alert>}
      </>
    );

  return (
    <div className="page page-narrow stack">
      <PageHeading title={t('notifications.unsubscribe.title')} />
      {body}
      <p>
        <Link to="/account#notification-settings">{t('notifications.settings_link')}</Link>
      </p>
    </div>
  );
}
