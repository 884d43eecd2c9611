import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../../common/contracts/discussions.ts';
import { REACTION_EMOJI, REACTIONS, type Reaction } from '../../../../common/discussions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { shownName } from '../../lib/people.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { deletePost, discussionKeys, editPost, patchPost, toggleReaction } from './api.ts';
import { Composer } from './Composer.tsx';

const REACTION_KEYS = {
  like: 'discussions.reaction_like',
  heart: 'discussions.reaction_heart',
  laugh: 'discussions.reaction_laugh',
  celebrate: 'discussions.reaction_celebrate',
  thanks: 'discussions.reaction_thanks',
  thinking: 'discussions.reaction_thinking',
} as const;

/** One post: author, time, "edited", the server's HTML, attachments, reactions, edit and delete. */
export function PostView({
  slug,
  topicId,
  post,
  canReact,
}: {
  slug: string;
  topicId: string;
  post: Post;
  canReact: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [showBlocked, setShowBlocked] = useState(false);
  const replace = (next: Post) => patchPost(queryClient, slug, topicId, post.id, () => next);
  const save = useMutation({
    mutationFn: () => editPost(slug, post.id, draft),
    onSuccess: (next) => {
      replace(next);
      setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePost(slug, post.id),
    onSuccess: (next) => {
      setConfirming(false);
      replace(next);
      if (post.isOpening)
        void queryClient.invalidateQueries({ queryKey: discussionKeys.topic(slug, topicId) });
      void queryClient.invalidateQueries({ queryKey: discussionKeys.replies(slug, topicId) });
    },
  });
  const react = useMutation({
    mutationFn: (reaction: Reaction) => toggleReaction(slug, post.id, reaction),
    onSuccess: (state) =>
      patchPost(queryClient, slug, topicId, post.id, (p) => ({ ...p, reactions: state.reactions })),
  });

  // An erased account keeps its posts, without a name: shown as a former member.
  const author = post.author ? shownName(t, post.author) : t('discussions.former_member');
  const counts = new Map(post.reactions.map((r) => [r.reaction, r]));

  // A post by someone the reader blocked stays collapsed until they ask to see it.
  if (post.authorBlocked && !showBlocked) {
    return (
      <article className="post post-deleted" id={`post-${post.id}`} aria-label={t('moderation.blocked_post')}>
        <p className="muted">
          {t('moderation.blocked_post')}{' '}
          <Button variant="quiet" onClick={() => setShowBlocked(true)}>
            {t('moderation.show')}
          </Button>
        </p>
      </article>
    );
  }

  return (
    <article
      className={`post${post.deleted ? ' post-deleted' : ''}`}
      id={`post-${post.id}`}
      aria-label={t('discussions.post_by', { name: author })}
    >
      <header className="post-head small">
        <bdi className="strong">{author}</bdi>
        <time className="muted" dateTime={post.createdAt}>
          {formatMoment(post.createdAt, i18n.language)}
        </time>
        {post.editedAt && <span className="muted">{t('discussions.edited')}</span>}
        {post.deleted && <span className="badge badge-warn">{t('discussions.deleted_badge')}</span>}
        {post.hidden && <span className="badge badge-warn">{t('moderation.hidden_badge')}</span>}
      </header>
      {post.hidden && post.bodyHtml !== null && <p className="muted small">{t('moderation.hidden_note')}</p>}
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Composer slug={slug} label={t('discussions.edit_label')} value={draft} onChange={setDraft} />
          {save.isError && <Alert tone="error">{save.error.message}</Alert>}
          <div className="actions">
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" pending={save.isPending}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      ) : post.bodyHtml !== null ? (
        <ServerHtml html={post.bodyHtml} />
      ) : post.hidden && !post.deleted ? (
        <p className="muted">{t('moderation.hidden_text')}</p>
      ) : (
        <p className="muted">{t('discussions.deleted_text')}</p>
      )}
      {post.attachments.length > 0 && (
        <ul className="attachments">
          {post.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url} download={a.fileName}>
                📎 {a.fileName}
              </a>{' '}
              <span className="muted small">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
            </li>
          ))}
        </ul>
      )}
      {!post.deleted && (
        <footer className="post-actions">
          <ul className="reactions" aria-label={t('discussions.reactions')}>
            {REACTIONS.map((r) => {
              const summary = counts.get(r);
              if (!canReact && !summary) return null;
              return (
                <li key={r}>
                  <button
                    type="button"
                    className={`reaction${summary?.mine ? ' is-mine' : ''}`}
                    aria-pressed={summary?.mine ?? false}
                    aria-label={t('discussions.reaction_label', {
                      reaction: t(REACTION_KEYS[r]),
                      count: summary?.count ?? 0,
                    })}
                    disabled={!canReact || react.isPending}
                    onClick={() => react.mutate(r)}
                  >
                    <span aria-hidden="true">{REACTION_EMOJI[r]}</span>
                    {summary && summary.count > 0 && <span aria-hidden="true">{summary.count}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <span className="post-buttons">
            {post.canEdit && !editing && (
              <Button
                variant="quiet"
                onClick={() => {
                  setDraft(post.bodySource ?? '');
                  setEditing(true);
                }}
              >
                {t('discussions.edit')}
              </Button>
            )}
            {post.canDelete && (
              <Button variant="quiet" onClick={() => setConfirming(true)}>
                {t('discussions.delete')}
              </Button>
            )}
            {!post.canEdit && post.author && (
              <ReportButton
                kind={post.isOpening ? 'topic' : 'post'}
                id={post.isOpening ? topicId : post.id}
              />
            )}
          </span>
        </footer>
      )}
      {react.isError && <Alert tone="error">{react.error.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        message={post.isOpening ? t('discussions.delete_topic_confirm') : t('discussions.delete_confirm')}
        confirmLabel={t('discussions.delete')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        {remove.isError && <Alert tone="error">{remove.error.message}</Alert>}
      </ConfirmDialog>
    </article>
  );
}
