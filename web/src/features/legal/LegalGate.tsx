import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PendingLegalVersion } from '../../../../common/contracts/legal.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { DocumentChanges } from '../documents/DocumentChanges.tsx';
import { acceptLegal, legalKeys, usePendingLegal } from './api.ts';

/**
 * Asks a signed-in person to accept a new version of the privacy notice or the terms of use: what
 * changed since the version they accepted and one button. It blocks nothing (the server enforces
 * the texts at sign-up only); it stays until they accept.
 */
export default function LegalGate() {
  const pending = usePendingLegal(true);
  if (!pending.data || pending.data.pending.length === 0) return null;
  return <LegalGateCard pending={pending.data.pending} />;
}

export function LegalGateCard({ pending }: { pending: PendingLegalVersion[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptLegal(Object.fromEntries(pending.map((p) => [p.kind, p.version]))),
    onSuccess: () => queryClient.setQueryData(legalKeys.pending, { pending: [] }),
    onError: (error) => {
      // A newer version was published while reading: show it and ask again.
      if (isApiError(error, 'DOCUMENT_CHANGED'))
        void queryClient.invalidateQueries({ queryKey: legalKeys.pending });
    },
  });
  const returning = pending.some((p) => p.changes !== null);
  return (
    <section className="card stack legal-gate" aria-labelledby="legal-gate-heading">
      <h2 id="legal-gate-heading">{returning ? t('legal.gate.changed_title') : t('legal.gate.new_title')}</h2>
      <p>{t('legal.gate.body')}</p>
      {pending.map((p) => (
        <div key={p.kind} className="stack-tight">
          <p className="strong">
            <Link to={p.kind === 'privacy' ? '/privacy' : '/terms'}>
              {t('legal.gate.version', { kind: p.kind, version: p.version, date: new Date(p.publishedAt) })}
            </Link>
          </p>
          <DocumentChanges document={p} />
        </div>
      ))}
      {accept.isError && <Alert tone="error">{accept.error.message}</Alert>}
      <div className="actions">
        <Button pending={accept.isPending} onClick={() => accept.mutate()}>
          {t('legal.gate.accept', { count: pending.length })}
        </Button>
      </div>
    </section>
  );
}
