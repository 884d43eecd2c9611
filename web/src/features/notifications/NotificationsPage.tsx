import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../../common/contracts/notifications.ts';
import { notificationPath } from '../../../../common/notifications.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { shownName } from '../../lib/people.ts';
import { markAllNotificationsRead, markNotificationRead, notificationKeys, useNotifications } from './api.ts';

/** What a notification says, in the reader's language. */
function describe(t: TFunction, n: Notification): string {
  // An erased account has no name any more: "former member".
  const actor = n.actor ? shownName(t, n.actor) : t('notifications.someone');
  const topic = n.topic?.title ?? '';
  const network = n.network?.name ?? '';
  switch (n.kind) {
    case 'mention':
      return t('notifications.text_mention', { actor, topic });
    case 'reply':
      return t('notifications.text_reply', { actor, topic });
    case 'message':
      return t('notifications.text_message', { actor, count: n.count });
    case 'announcement':
      return t('notifications.text_announcement', { title: n.announcement?.title ?? '' });
    case 'buddy_requested':
      return t('notifications.text_buddy_requested', { actor });
    case 'buddy_proposed':
      return t('notifications.text_buddy_proposed', { actor });
    case 'buddy_accepted':
      return t('notifications.text_buddy_accepted', { actor });
    case 'buddy_declined':
      return t('notifications.text_buddy_declined', { actor });
    case 'buddy_ended':
      return t('notifications.text_buddy_ended', { actor });
    case 'buddy_checkin':
      return t('notifications.text_buddy_checkin', { actor });
    case 'help_suggested':
      return t('notifications.text_help_suggested', { actor });
    case 'help_case':
      return t('notifications.text_help_case', { network });
    case 'help_response':
      return t('notifications.text_help_response', { actor });
    case 'help_offer':
      return t('notifications.text_help_offer', { actor });
    case 'help_thanks':
      return t('notifications.text_help_thanks', { actor });
    case 'help_escalated':
      return t('notifications.text_help_escalated', { network });
    case 'event_reminder':
      return t('notifications.text_event_reminder', { title: n.event?.title ?? '' });
    case 'event_changed':
      return t('notifications.text_event_changed', { actor, title: n.event?.title ?? '' });
    case 'event_cancelled':
      return t('notifications.text_event_cancelled', { actor, title: n.event?.title ?? '' });
    case 'event_place':
      return t('notifications.text_event_place', { title: n.event?.title ?? '' });
    case 'application_received':
      return t('notifications.text_application_received', { actor, network });
    case 'moderation_warning':
      return t('notifications.text_moderation_warning');
    case 'moderation_suspended':
      return t('notifications.text_moderation_suspended', { network });
    case 'report_actioned':
      return t('notifications.text_report_actioned');
    case 'report_dismissed':
      return t('notifications.text_report_dismissed');
    case 'progression_experienced':
      return t('notifications.text_progression_experienced', { actor, network });
    case 'progression_candidate':
      return t('notifications.text_progression_candidate', { actor, network });
    case 'nudge_reengagement':
      return t('notifications.text_nudge_reengagement', { network });
    case 'nudge_missed':
      return t('notifications.text_nudge_missed', { network });
    case 'nudge_help_wanted':
      return t('notifications.text_nudge_help_wanted', { network });
    case 'nudge_upcoming_events':
      return t('notifications.text_nudge_upcoming_events', { network, title: n.event?.title ?? '' });
    case 'record_check_expiring':
      return t('notifications.text_record_check_expiring', { actor, network });
    case 'record_commitment_ending':
      return t('notifications.text_record_commitment_ending', { actor, network });
    case 'record_handover':
      return t('notifications.text_record_handover', { actor, network });
    case 'partnership_requested':
      return t('notifications.text_partnership_requested', { actor, network });
    case 'partnership_accepted':
      return t('notifications.text_partnership_accepted', { actor, network });
    case 'partnership_declined':
      return t('notifications.text_partnership_declined', { actor, network });
    case 'partnership_ended':
      return t('notifications.text_partnership_ended', { actor, network });
    case 'organisation_join_requested':
      return t('notifications.text_organisation_join_requested', { actor, network });
    case 'organisation_join_approved':
      return t('notifications.text_organisation_join_approved', { actor, network });
    case 'organisation_join_declined':
      return t('notifications.text_organisation_join_declined', { actor, network });
    case 'network_handed_over':
      return t('notifications.text_network_handed_over', { network });
  }
}

/** Where a notification leads. */
function target(n: Notification): string {
  return notificationPath({
    kind: n.kind,
    conversationId: n.conversationId,
    networkSlug: n.network?.slug ?? null,
    helpRequestId: n.helpRequestId,
    eventId: n.event?.id ?? null,
    topicId: n.topic?.id ?? null,
    actorId: n.actor?.id ?? null,
  });
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  const list = notifications.data?.pages.flatMap((p) => p.notifications) ?? [];
  const afterRead = ({ unreadCount }: { unreadCount: number }) => {
    queryClient.setQueryData(notificationKeys.unread, { unreadCount });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
  };
  const readOne = useMutation({ mutationFn: markNotificationRead, onSuccess: afterRead });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: afterRead });

  return (
    <div className="page stack">
      <PageHeading title={t('notifications.title')} />
      <div className="section-head">
        <p className="muted">
          <Link to="/account#notification-settings">{t('notifications.settings_link')}</Link>
        </p>
        {list.some((n) => !n.read) && (
          <Button variant="secondary" pending={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notifications.read_all')}
          </Button>
        )}
      </div>
      {readAll.isError && <Alert tone="error">{readAll.error.message}</Alert>}
      <div className="stack" aria-busy={notifications.isFetching || undefined}>
        {notifications.isPending && <Loading />}
        {notifications.isError && (
          <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
        )}
        {notifications.isSuccess && list.length === 0 && <p className="empty">{t('notifications.empty')}</p>}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((n) => (
              <li key={n.id} className={`row notification${n.read ? '' : ' is-unread'}`}>
                <div className="row-main stack-tight">
                  <Link to={target(n)} onClick={() => !n.read && readOne.mutate(n.id)}>
                    {!n.read && <span className="visually-hidden">{t('notifications.unread')} </span>}
                    {describe(t, n)}
                  </Link>
                  <span className="muted small">
                    {n.network && `${n.network.name} · `}
                    <time dateTime={n.createdAt}>{formatMoment(n.createdAt, i18n.language)}</time>
                  </span>
                </div>
                {!n.read && (
                  <Button variant="quiet" onClick={() => readOne.mutate(n.id)}>
                    {t('notifications.mark_read')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {notifications.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={notifications.isFetchingNextPage}
              onClick={() => void notifications.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
