import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { COUNT_BADGE_MAX } from '../../components/CountBadge.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { useMe } from '../auth/api.ts';
import { useConversations } from './api.ts';
import { conversationTitle } from './conversation-title.ts';
import { NewGroupSection } from './NewGroupSection.tsx';

/** My conversations, most recent first, with their unread counts (kept live by the socket). */
export default function ConversationsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const conversations = useConversations();
  const list = conversations.data?.pages.flatMap((p) => p.conversations) ?? [];
  const myId = me?.id ?? '';
  const leftGroup = (useLocation().state as { leftGroup?: string } | null)?.leftGroup;

  return (
    <div className="page stack">
      <PageHeading title={t('messages.title')} />
      {leftGroup && <Alert tone="success">{t('messages.group_left', { title: leftGroup })}</Alert>}
      <p className="muted">{t('messages.intro')}</p>
      <section
        aria-labelledby="conversations-heading"
        className="stack"
        aria-busy={conversations.isFetching || undefined}
      >
        <h2 id="conversations-heading" className="visually-hidden">
          {t('messages.list_heading')}
        </h2>
        {conversations.isPending && <Loading />}
        {conversations.isError && (
          <QueryError error={conversations.error} onRetry={() => void conversations.refetch()} />
        )}
        {conversations.isSuccess && list.length === 0 && <p className="empty">{t('messages.empty')}</p>}
        {list.length > 0 && (
          <ul className="rows conversation-list">
            {list.map((c) => {
              const title = conversationTitle(t, c, myId);
              const last = c.lastMessage;
              const preview = last
                ? last.deletedAt
                  ? t('messages.deleted')
                  : last.body
                : t('messages.no_messages_yet');
              return (
                <li key={c.id} className={`row conversation-row${c.unreadCount > 0 ? ' is-unread' : ''}`}>
                  <div className="row-main stack-tight">
                    <Link to={`/messages/${c.id}`} className="strong">
                      {title}
                      {c.unreadCount > 0 && (
                        <span className="count-badge" data-testid="conversation-unread">
                          {c.unreadCount > COUNT_BADGE_MAX ? `${COUNT_BADGE_MAX}+` : c.unreadCount}
                          <span className="visually-hidden">
                            {' '}
                            {c.unreadCount > COUNT_BADGE_MAX
                              ? t('nav.unread_messages_many', { count: COUNT_BADGE_MAX })
                              : t('messages.unread', { count: c.unreadCount })}
                          </span>
                        </span>
                      )}
                    </Link>
                    <span className="muted small conversation-preview-line">
                      {c.kind === 'group' && <span className="badge">{t('messages.group')}</span>}
                      {/* A message keeps its own direction (and is cut at its own end) in any page. */}
                      <span
                        className="conversation-preview"
                        dir={last && !last.deletedAt ? 'auto' : undefined}
                      >
                        {preview}
                      </span>
                    </span>
                  </div>
                  {last && (
                    <time className="muted small" dateTime={last.createdAt}>
                      {formatMoment(last.createdAt, i18n.language)}
                    </time>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {conversations.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={conversations.isFetchingNextPage}
              onClick={() => void conversations.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </section>
      <NewGroupSection />
    </div>
  );
}
