import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { languageName } from '../../../../common/languages.ts';
import { isHttpUrl } from '../../../../common/urls.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { formatMoment } from '../../lib/format.ts';
import { expertiseLabel } from '../../lib/labels.ts';
import { shownName } from '../../lib/people.ts';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { deleteResource, resourceKeys, setStartHere, useResource, useStartHere } from './api.ts';
import { resourceKindLabel } from './labels.ts';
import { OriginNote } from '../partners/ShareWithPartnersField.tsx';

/** One resource: the rendered page, the link or the file, its facts, and edit, history, pin, delete. */
export default function ResourcePage() {
  const network = useCurrentNetwork();
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resource = useResource(network.slug, id);
  const startHere = useStartHere(network.slug, resource.data?.canManage ?? false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteResource(network.slug, id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: resourceKeys.all(network.slug) });
      navigate(`/networks/${network.slug}/resources`);
    },
  });
  const pin = useMutation({
    mutationFn: (ids: string[]) => setStartHere(network.slug, ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(network.slug) }),
  });

  if (resource.isPending) return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} />;
  const r = resource.data;
  const base = `/networks/${network.slug}/resources/${r.id}`;
  const pinnedIds = startHere.data?.resources.map((p) => p.id) ?? [];
  const pinned = r.startHere !== null;

  return (
    <article className="page stack">
      <p>
        <Link to={`/networks/${network.slug}/resources`}>{t('resources.back')}</Link>
      </p>
      <PageHeading title={r.title}>
        <bdi>{r.title}</bdi>
      </PageHeading>
      <OriginNote origin={r.origin} />
      <p className="muted small">
        {[
          resourceKindLabel(t, r.kind),
          languageName(r.language, i18n.language),
          r.region && t('resources.applies_to', { region: `\u2068${r.region}\u2069` }),
          r.expertise.map((area) => expertiseLabel(t, area)).join(', '),
          r.updatedBy
            ? t('resources.updated_by', {
                name: `\u2068${shownName(t, r.updatedBy)}\u2069`,
                when: formatMoment(r.updatedAt, i18n.language),
              })
            : t('resources.updated_at', { when: formatMoment(r.updatedAt, i18n.language) }),
          t('resources.revision_number', { revision: r.revision }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {r.kind === 'link' && r.url && isHttpUrl(r.url) && (
        <p>
          <a href={r.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
            {r.url}
          </a>
        </p>
      )}
      {r.kind === 'file' && r.file && (
        <p>
          <a href={r.file.url} download={r.file.fileName}>
            {t('resources.download', { name: `\u2068${r.file.fileName}\u2069` })}
          </a>
        </p>
      )}
      {r.hidden && (
        <Alert tone="info">{r.bodyHtml ? t('moderation.hidden_note') : t('moderation.hidden_text')}</Alert>
      )}
      {r.bodyHtml && <ServerHtml html={r.bodyHtml} />}
      {(r.tags.length > 0 || r.expertise.length > 0) && (
        <ul className="tags" aria-label={t('resources.tags')}>
          {r.expertise.map((area) => (
            <li key={`e-${area}`}>{expertiseLabel(t, area)}</li>
          ))}
          {r.tags.map((tag) => (
            <li key={`t-${tag}`}>
              <Link to={`/networks/${network.slug}/resources?tag=${encodeURIComponent(tag)}`} dir="auto">
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {(remove.error || pin.error) && <Alert tone="error">{(remove.error ?? pin.error)?.message}</Alert>}
      <div className="row-actions">
        {r.canEdit && (
          <Link className="button button-primary" to={`${base}/edit`}>
            {t('resources.edit_action')}
          </Link>
        )}
        {r.origin === null && (
          <Link className="button button-secondary" to={`${base}/history`}>
            {t('resources.history_action')}
          </Link>
        )}
        {r.canManage && (
          <Button
            variant="secondary"
            disabled={pin.isPending || startHere.isPending}
            onClick={() =>
              pin.mutate(
                pinned ? pinnedIds.filter((p) => p !== r.id) : [...pinnedIds.filter((p) => p !== r.id), r.id],
              )
            }
          >
            {pinned ? t('resources.unpin_action') : t('resources.pin_action')}
          </Button>
        )}
        {r.canManage && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('resources.delete_action')}
          </Button>
        )}
        <ReportButton kind="resource" id={r.id} />
      </div>
      <ConfirmDialog
        open={confirming}
        message={t('resources.delete_confirm')}
        confirmLabel={t('resources.delete_action')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </article>
  );
}
