import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { shownName } from '../../lib/people.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { AddSpaceForm } from './AddSpaceForm.tsx';
import { useSpaces, useTopics } from './api.ts';

/** The network's spaces and its topics, pinned first and then by last activity, with unread markers. */
export default function DiscussionsPage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const spaceId = params.get('space') ?? undefined;
  const spaces = useSpaces(network.slug);
  const topics = useTopics(network.slug, spaceId);
  const list = topics.data?.pages.flatMap((p) => p.topics) ?? [];
  const openSpaces = spaces.data?.spaces.filter((s) => !s.archived) ?? [];
  const spaceName = new Map(openSpaces.map((s) => [s.id, s.name]));
  const base = `/networks/${network.slug}/discussions`;

  return (
    <div className="page stack">
      <div className="section-head">
        <PageHeading title={t('discussions.title')} />
        {can(network, 'discussions.write') && (
          <Link className="button button-primary" to={`${base}/new${spaceId ? `?space=${spaceId}` : ''}`}>
            {t('discussions.new_topic')}
          </Link>
        )}
      </div>
      {spaces.isError && <QueryError error={spaces.error} />}
      {openSpaces.length > 0 && (
        <nav aria-label={t('discussions.spaces_label')}>
          <ul className="space-list">
            <li>
              <Link to={base} aria-current={spaceId ? undefined : 'page'}>
                {t('discussions.all_spaces')}
              </Link>
            </li>
            {openSpaces.map((s) => (
              <li key={s.id}>
                <Link to={`${base}?space=${s.id}`} aria-current={s.id === spaceId ? 'page' : undefined}>
                  {s.name} <span className="muted">({s.topicCount})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {can(network, 'spaces.manage') && <AddSpaceForm slug={network.slug} />}
      <section className="stack" aria-labelledby="topics-heading" aria-busy={topics.isFetching || undefined}>
        <h2 id="topics-heading" className="visually-hidden">
          {t('discussions.topics')}
        </h2>
        {topics.isPending && <Loading />}
        {topics.isError && <QueryError error={topics.error} onRetry={() => void topics.refetch()} />}
        {topics.isSuccess && list.length === 0 && <p className="empty">{t('discussions.empty')}</p>}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((topic) => (
              <li
                key={topic.id}
                className={`row topic-row${topic.unreadCount > 0 || topic.isNew ? ' is-unread' : ''}`}
              >
                <div className="row-main stack-tight">
                  <Link to={`${base}/${topic.id}`} className="strong">
                    {topic.title ? (
                      <UserText>{topic.title}</UserText>
                    ) : topic.hidden && !topic.deleted ? (
                      t('moderation.hidden_text')
                    ) : (
                      t('discussions.deleted_topic')
                    )}
                  </Link>
                  <span className="small topic-meta">
                    {topic.pinned && <span className="badge badge-ok">{t('discussions.pinned')}</span>}
                    {topic.locked && <span className="badge badge-warn">{t('discussions.locked')}</span>}
                    {topic.isNew ? (
                      <span className="badge badge-new">{t('discussions.new_topic_badge')}</span>
                    ) : (
                      topic.unreadCount > 0 && (
                        <span className="badge badge-new">
                          {t('discussions.unread', { count: topic.unreadCount })}
                        </span>
                      )
                    )}
                    <span className="muted">
                      {[
                        spaceId ? null : spaceName.get(topic.spaceId),
                        // An erased account keeps its topics, shown as by a "former member".
                        topic.author && shownName(t, topic.author),
                        t('discussions.reply_count', { count: topic.replyCount }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </span>
                </div>
                <time className="muted small" dateTime={topic.lastActivityAt}>
                  {formatMoment(topic.lastActivityAt, i18n.language)}
                </time>
              </li>
            ))}
          </ul>
        )}
        {topics.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={topics.isFetchingNextPage}
              onClick={() => void topics.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
