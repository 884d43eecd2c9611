import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { MAX_TITLE_CHARS } from '../../../../common/discussions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatMoment } from '../../lib/dates.ts';
import { toFormErrors } from '../../lib/form-errors.ts';
import { shownName } from '../../lib/people.ts';
import { Composer } from '../discussions/Composer.tsx';
import { can } from '../networks/api.ts';
import { announcementKeys, pinAnnouncement, postAnnouncement, usePinnedAnnouncements } from './api.ts';
import { ShareWithPartnersField } from '../partners/ShareWithPartnersField.tsx';

/** Pinned announcements on the network home; meta-mentors and office post and unpin them here. */
export function AnnouncementsSection({ network }: { network: Network }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pinned = usePinnedAnnouncements(network.slug);
  const mayPost = can(network, 'announcements.post');
  const unpin = useMutation({
    mutationFn: (id: string) => pinAnnouncement(network.slug, id, false),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: announcementKeys.pinned(network.slug) }),
  });
  const list = pinned.data?.announcements ?? [];
  if (!mayPost && pinned.isSuccess && list.length === 0) return null;

  return (
    <section className="card stack announcements" aria-labelledby="announcements-heading">
      <h2 id="announcements-heading">{t('announcements.title')}</h2>
      {pinned.isPending && <Loading />}
      {pinned.isError && <QueryError error={pinned.error} onRetry={() => void pinned.refetch()} />}
      {pinned.isSuccess && list.length === 0 && <p className="empty">{t('announcements.empty')}</p>}
      {list.map((a) => (
        <article key={a.id} className="announcement stack-tight" aria-labelledby={`announcement-${a.id}`}>
          <h3 id={`announcement-${a.id}`}>
            <UserText>{a.title}</UserText>
          </h3>
          <p className="muted small">
            {a.author && `${shownName(t, a.author)} · `}
            <time dateTime={a.createdAt}>{formatMoment(a.createdAt, i18n.language)}</time>
          </p>
          <ServerHtml html={a.bodyHtml} />
          {mayPost && (
            <div>
              <Button
                variant="quiet"
                pending={unpin.isPending && unpin.variables === a.id}
                onClick={() => unpin.mutate(a.id)}
              >
                {t('announcements.unpin')}
              </Button>
            </div>
          )}
        </article>
      ))}
      {mayPost && <AnnouncementForm slug={network.slug} />}
    </section>
  );
}

function AnnouncementForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [shareWithPartners, setShareWithPartners] = useState(false);
  const post = useMutation({
    mutationFn: (title: string) => postAnnouncement(slug, { title, body, shareWithPartners }),
    onSuccess: () => {
      setBody('');
      setShareWithPartners(false);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: announcementKeys.pinned(slug) });
    },
  });
  const errors = post.isError ? toFormErrors(post.error, ['title', 'body'] as const) : undefined;
  if (!open)
    return (
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('announcements.new')}
        </Button>
        {post.isSuccess && <Alert tone="success">{t('announcements.posted')}</Alert>}
      </div>
    );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post.mutate(String(new FormData(event.currentTarget).get('title') ?? '').trim());
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('announcements.new')}>
      <p className="muted small">{t('announcements.note')}</p>
      <TextField
        name="title"
        label={t('announcements.title_label')}
        required
        maxLength={MAX_TITLE_CHARS}
        error={errors?.fields.title}
      />
      <Composer
        slug={slug}
        label={t('announcements.body_label')}
        value={body}
        onChange={setBody}
        error={errors?.fields.body}
      />
      <ShareWithPartnersField checked={shareWithPartners} onChange={setShareWithPartners} />
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      <div className="actions">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={post.isPending}>
          {t('announcements.post')}
        </Button>
      </div>
    </form>
  );
}
