import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NetworkDocument } from '../../../../common/contracts/documents.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { UserText } from '../../components/UserText.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useMe } from '../auth/api.ts';
import { LeaveButton } from '../members/LeaveButton.tsx';
import { can, networkKeys } from '../networks/api.ts';
import { mustAccept, useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { acceptDocuments, documentKeys, useDocuments } from './api.ts';
import { AgreementGate, DocumentChanges } from './DocumentChanges.tsx';

/** The agreement and the communication rules; members accept the current versions here. */
export default function AgreementPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const documents = useDocuments(network.slug);
  const [checked, setChecked] = useState(false);
  const [unchecked, setUnchecked] = useState(false);
  const gated = mustAccept(network, Boolean(me?.isPlatformAdmin));

  const agreement = documents.data?.documents.find((d) => d.kind === 'agreement');
  const rules = documents.data?.documents.find((d) => d.kind === 'rules');
  const accept = useMutation({
    mutationFn: () => acceptDocuments(network.slug, agreement?.version ?? 0, rules?.version ?? 0),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.detail(network.slug), exact: true });
      void queryClient.invalidateQueries({ queryKey: documentKeys.all(network.slug) });
      void queryClient.invalidateQueries({ queryKey: networkKeys.mine });
      navigate(`/networks/${network.slug}`, { state: { accepted: true } });
    },
    onError: (error) => {
      // A newer version was published while reading: show it and ask again.
      if (isApiError(error, 'DOCUMENT_CHANGED')) {
        setChecked(false);
        void queryClient.invalidateQueries({ queryKey: documentKeys.all(network.slug) });
      }
    },
  });

  const mayAccept = can(network, 'documents.accept') && !documents.data?.acceptedCurrent;

  return (
    <div className="page stack">
      <PageHeading title={t('networks.agreement.title')} />
      {gated && documents.data && (
        <AgreementGate
          network={network.name}
          returning={documents.data.documents.some((d) => d.changes !== null)}
        />
      )}
      {(can(network, 'documents.publish') || can(network, 'documents.acceptances.view')) && (
        <ul className="actions">
          {can(network, 'documents.publish') && (
            <>
              <li>
                <Link className="button button-secondary" to="publish/agreement">
                  {t('networks.agreement.publish_agreement')}
                </Link>
              </li>
              <li>
                <Link className="button button-secondary" to="publish/rules">
                  {t('networks.agreement.publish_rules')}
                </Link>
              </li>
            </>
          )}
          {can(network, 'documents.acceptances.view') && (
            <li>
              <Link className="button button-secondary" to="acceptances">
                {t('networks.agreement.acceptances_link')}
              </Link>
            </li>
          )}
        </ul>
      )}
      {documents.isPending && <Loading />}
      {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.data && documents.data.documents.length === 0 && (
        <p className="empty">{t('networks.agreement.none')}</p>
      )}
      {agreement && <DocumentCard document={agreement} />}
      {rules && <DocumentCard document={rules} />}

      {documents.data && agreement && rules && network.viewer.role && (
        <section className="card stack accept-box" aria-labelledby="accept-heading">
          <h2 id="accept-heading">{t('networks.agreement.accept_title')}</h2>
          {mayAccept ? (
            <>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={checked}
                  aria-invalid={unchecked || undefined}
                  aria-describedby={unchecked ? 'accept-error' : undefined}
                  onChange={(e) => {
                    setChecked(e.target.checked);
                    setUnchecked(false);
                  }}
                />
                <span>
                  {t('networks.agreement.accept_check', {
                    agreement: agreement.version,
                    rules: rules.version,
                  })}
                </span>
              </label>
              {unchecked && (
                <p id="accept-error" className="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {t('networks.agreement.accept_check_missing')}
                </p>
              )}
              {accept.isError && <Alert tone="error">{accept.error.message}</Alert>}
              <div className="actions">
                <Button
                  pending={accept.isPending}
                  onClick={() => (checked ? accept.mutate() : setUnchecked(true))}
                >
                  {t('networks.agreement.accept')}
                </Button>
              </div>
            </>
          ) : (
            <Alert tone="success">
              {t('networks.agreement.accepted', {
                date: new Date(agreement.acceptedAt ?? agreement.publishedAt),
              })}
            </Alert>
          )}
          {gated && can(network, 'membership.leave') && (
            <div className="stack">
              <p className="muted">{t('networks.agreement.leave_hint')}</p>
              <LeaveButton slug={network.slug} name={network.name} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function DocumentCard({ document }: { document: NetworkDocument }) {
  const { t } = useTranslation();
  const headingId = `doc-${document.kind}`;
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <header className="stack-tight">
        <p className="eyebrow">
          {document.kind === 'agreement'
            ? t('networks.agreement.kind_agreement')
            : t('networks.agreement.kind_rules')}
        </p>
        <h2 id={headingId}>
          <UserText>{document.title}</UserText>
        </h2>
        <p className="muted small">
          {t('networks.agreement.version', {
            version: document.version,
            date: new Date(document.publishedAt),
          })}
          {' · '}
          <Link to={`history/${document.kind}`}>
            {document.kind === 'agreement'
              ? t('networks.history.link_agreement')
              : t('networks.history.link_rules')}
          </Link>
        </p>
      </header>
      <DocumentChanges document={document} />
      <ServerHtml html={document.bodyHtml} />
    </article>
  );
}
