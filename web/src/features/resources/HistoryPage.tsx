import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatMoment } from '../../lib/format.ts';
import { shownName } from '../../lib/people.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { resourceKeys, revertResource, useResource, useRevision, useRevisions } from './api.ts';
import { DiffView } from './DiffView.tsx';

/** The revisions of a resource, newest first; one opened shows its difference to the one before. */
export default function HistoryPage() {
  const network = useCurrentNetwork();
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const resource = useResource(network.slug, id);
  const revisions = useRevisions(network.slug, id);
  const [open, setOpen] = useState<number | null>(null);
  const detail = useRevision(network.slug, id, open);
  const revert = useMutation({
    mutationFn: (revision: number) => revertResource(network.slug, id, revision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(network.slug) }),
  });

  if (resource.isPending || revisions.isPending) return <Loading />;
  if (resource.isError) return <QueryError error={resource.error} />;
  if (revisions.isError) return <QueryError error={revisions.error} />;
  const r = resource.data;
  return (
    <div className="page stack">
      <p>
        <Link to={`/networks/${network.slug}/resources/${r.id}`}>{t('resources.back_to_resource')}</Link>
      </p>
      <PageHeading title={t('resources.history_title', { title: r.title })}>
        {t('resources.history_heading')} <bdi>{r.title}</bdi>
      </PageHeading>
      {revert.error && <Alert tone="error">{revert.error.message}</Alert>}
      {revert.isSuccess && <Alert tone="success">{t('resources.reverted')}</Alert>}
      <ol className="rows">
        {revisions.data.revisions.map((v) => (
          <li key={v.revision} className="row stack-tight">
            <p>
              <strong>{t('resources.revision_number', { revision: v.revision })}</strong>
              {' · '}
              {v.author ? <bdi>{shownName(t, v.author)}</bdi> : t('resources.someone')}
              {' · '}
              {formatMoment(v.createdAt, i18n.language)}
            </p>
            {v.summary && (
              <p className="small" dir="auto">
                {v.summary}
              </p>
            )}
            {v.revertedFrom !== null && (
              <p className="muted small">{t('resources.reverted_from', { revision: v.revertedFrom })}</p>
            )}
            <div className="row-actions">
              <Button
                variant="secondary"
                aria-expanded={open === v.revision}
                onClick={() => setOpen(open === v.revision ? null : v.revision)}
              >
                {open === v.revision ? t('resources.hide_changes') : t('resources.show_changes')}
              </Button>
              {r.canManage && v.revision !== r.revision && (
                <Button
                  variant="secondary"
                  disabled={revert.isPending}
                  onClick={() => revert.mutate(v.revision)}
                >
                  {t('resources.revert_action')}
                </Button>
              )}
            </div>
            {open === v.revision &&
              (detail.isPending ? (
                <Loading />
              ) : detail.isError ? (
                <QueryError error={detail.error} />
              ) : (
                <DiffView
                  parts={detail.data.diff}
                  label={t('resources.diff.label', { revision: v.revision })}
                />
              ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
