import { type QueryClient, useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Attachment, Post, Topic } from '../../../../common/contracts/discussions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { outboxKeys, outboxScope, type QueuedReply } from '../../app/outbox.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { discussionKeys, markTopicRead, moderateTopic, useReplies, useTopic } from './api.ts';
import { Composer } from './Composer.tsx';
import { PostView } from './PostView.tsx';

/** A topic: opening post, replies oldest first with a "new since your last visit" marker, and the reply form. */
export default function TopicPage() {
  const network = useCurrentNetwork();
  const { topicId = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const topic = useTopic(network.slug, topicId);
  const replies = useReplies(network.slug, topicId);
  const list = replies.data?.pages.flatMap((p) => p.replies) ?? [];

  // Opening the topic marks it read (the marker above was taken before).
  const loaded = topic.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    markTopicRead(network.slug, topicId)
      .then(() => queryClient.invalidateQueries({ queryKey: discussionKeys.topicLists(network.slug) }))
      .catch(() => {});
  }, [loaded, network.slug, topicId, queryClient]);

  if (topic.isPending) return <Loading />;
  if (topic.isError) return <QueryError error={topic.error} />;
  const data = topic.data;
  const mayWrite = can(network, 'discussions.write');
  const lastRead = data.lastReadPostId;
  // The marker goes before the first reply after the last one read (none on a first visit: all is new).
  const firstNew = lastRead === null ? -1 : list.findIndex((r) => r.id > lastRead && !r.deleted);

  return (
    <div className="page stack">
      <p className="eyebrow">
        <Link to={`/networks/${network.slug}/discussions`}>{t('discussions.back')}</Link>
      </p>
      <PageHeading
        title={
          data.title ??
          (data.hidden && !data.deleted ? t('moderation.hidden_text') : t('discussions.deleted_topic'))
        }
        userText
      />
      <p className="topic-flags">
        {data.pinned && <span className="badge badge-ok">{t('discussions.pinned')}</span>}
        {data.locked && <span className="badge badge-warn">{t('discussions.locked')}</span>}
        {data.deleted && <span className="badge badge-warn">{t('discussions.deleted_badge')}</span>}
      </p>
      {can(network, 'discussions.moderate') && <Moderation slug={network.slug} topic={data} />}
      <PostView
        slug={network.slug}
        topicId={topicId}
        post={data.opening}
        canReact={mayWrite && !data.deleted}
      />
      <section
        className="stack"
        aria-labelledby="replies-heading"
        aria-busy={replies.isFetching || undefined}
      >
        <h2 id="replies-heading">{t('discussions.replies', { count: data.replyCount })}</h2>
        {replies.isPending && <Loading />}
        {replies.isError && <QueryError error={replies.error} onRetry={() => void replies.refetch()} />}
        {replies.isSuccess && list.length === 0 && <p className="empty">{t('discussions.no_replies')}</p>}
        {list.length > 0 && (
          <ol className="post-list">
            {list.map((r, i) => (
              <Fragment key={r.id}>
                {i === firstNew && (
                  <li className="new-marker" data-testid="new-marker">
                    <span>{t('discussions.new_since_visit')}</span>
                  </li>
                )}
                <li>
                  <PostView
                    slug={network.slug}
                    topicId={topicId}
                    post={r}
                    canReact={mayWrite && !data.deleted}
                  />
                </li>
              </Fragment>
            ))}
          </ol>
        )}
        {replies.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={replies.isFetchingNextPage}
              onClick={() => void replies.fetchNextPage()}
            >
              {t('discussions.more_replies')}
            </Button>
          </div>
        )}
      </section>
      {data.locked ? (
        <Alert tone="info">{t('discussions.locked_note')}</Alert>
      ) : (
        mayWrite && !data.deleted && <ReplyForm slug={network.slug} topicId={topicId} />
      )}
    </div>
  );
}

function Moderation({ slug, topic }: { slug: string; topic: Topic }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: (change: { pinned?: boolean; locked?: boolean }) => moderateTopic(slug, topic.id, change),
    onSuccess: (next) => {
      queryClient.setQueryData(discussionKeys.topic(slug, topic.id), next);
      void queryClient.invalidateQueries({ queryKey: discussionKeys.topicLists(slug) });
    },
  });
  return (
    <div className="actions">
      <Button
        variant="secondary"
        pending={moderate.isPending}
        onClick={() => moderate.mutate({ pinned: !topic.pinned })}
      >
        {topic.pinned ? t('discussions.unpin') : t('discussions.pin')}
      </Button>
      <Button
        variant="secondary"
        pending={moderate.isPending}
        onClick={() => moderate.mutate({ locked: !topic.locked })}
      >
        {topic.locked ? t('discussions.unlock') : t('discussions.lock')}
      </Button>
      {moderate.isError && <Alert tone="error">{moderate.error.message}</Alert>}
    </div>
  );
}

function ReplyForm({ slug, topicId }: { slug: string; topicId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [empty, setEmpty] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Sent through the outbox (app/outbox.ts): written offline, the reply waits and is sent later.
  const send = useMutation<Post, Error, QueuedReply>({
    mutationKey: outboxKeys.reply,
    scope: outboxScope('reply', topicId),
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setRefusal(null);
    const reply: QueuedReply = {
      slug,
      topicId,
      body,
      attachmentIds: attachments.map((a) => a.id),
      key: newIdempotencyKey(),
    };
    const attached = attachments;
    // The text moves to the outbox (listed below the form until it is sent).
    setBody('');
    setAttachments([]);
    send.mutate(reply, {
      onError: (error) => {
        // Refused by the server (network trouble is retried instead): back into the form, to fix.
        setBody(reply.body);
        setAttachments(attached);
        setRefusal(error.message);
        discardQueued(queryClient, reply.key);
      },
    });
  }
  return (
    <section className="card stack" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('discussions.reply_title')}</h2>
      <QueuedReplies topicId={topicId} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Composer
          slug={slug}
          label={t('discussions.reply_label')}
          value={body}
          onChange={setBody}
          error={empty ? t('common.field_required') : undefined}
        />
        <AttachmentPicker slug={slug} attachments={attachments} onChange={setAttachments} />
        {refusal && <Alert tone="error">{refusal}</Alert>}
        <div className="actions">
          <Button type="submit">{t('discussions.reply_send')}</Button>
        </div>
      </form>
    </section>
  );
}

/** Removes a reply from the outbox. */
function discardQueued(queryClient: QueryClient, key: string) {
  const cache = queryClient.getMutationCache();
  const mutation = cache.find({
    mutationKey: outboxKeys.reply,
    predicate: (m) => (m.state.variables as QueuedReply | undefined)?.key === key,
  });
  if (mutation) cache.remove(mutation);
}

/** Replies to this topic still in the outbox: waiting for the network, on their way, or refused. */
function QueuedReplies({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const queued = useMutationState({
    filters: {
      mutationKey: outboxKeys.reply,
      predicate: (m) =>
        (m.state.variables as QueuedReply | undefined)?.topicId === topicId &&
        (m.state.status === 'pending' || m.state.status === 'error'),
    },
    select: (m) => ({
      reply: m.state.variables as QueuedReply,
      status: m.state.status,
      isPaused: m.state.isPaused,
      error: m.state.error,
    }),
  });
  if (queued.length === 0) return null;
  return (
    <ul className="queued-list stack" aria-label={t('offline.waiting_to_send')}>
      {queued.map(({ reply, status, isPaused, error }) => (
        <li key={reply.key} className="card stack" data-testid="queued-reply">
          <UserText as="p" className="prewrap">
            {reply.body}
          </UserText>
          {status === 'error' ? (
            <>
              <p>
                <span className="badge badge-warn">{t('offline.not_sent')}</span>
              </p>
              {error?.message && <Alert tone="error">{error.message}</Alert>}
              <div className="actions">
                <Button variant="secondary" onClick={() => discardQueued(queryClient, reply.key)}>
                  {t('offline.discard')}
                </Button>
              </div>
            </>
          ) : (
            <p className="small muted">
              <span className="badge badge-warn">
                {isPaused ? t('offline.waiting_to_send') : t('messages.sending')}
              </span>{' '}
              {isPaused && t('offline.queued_note')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
