import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { roleLabel } from '../../lib/labels.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { type AuditPage as AuditList, useAudit } from './api.ts';
import { auditSentence } from './audit-sentence.ts';

type Entry = AuditList['entries'][number];

/** A readable line for the details the server records with some actions. */
function detailText(t: TFunction, entry: Entry): string | null {
  const d = entry.details as Record<string, unknown>;
  const parts: string[] = [];
  const roleOf = (value: unknown) =>
    value && typeof value === 'object' && 'role' in value
      ? roleLabel(t, String((value as { role: unknown }).role))
      : null;
  if (entry.action === 'member.role_changed') {
    const from = roleOf(d.from);
    const to = roleOf(d.to);
    if (from && to) parts.push(`${from} → ${to}`);
  } else if (typeof d.role === 'string') parts.push(roleLabel(t, d.role));
  if (typeof d.reason === 'string') parts.push(t('networks.audit.reason', { reason: d.reason }));
  return parts.length ? parts.join(' · ') : null;
}

export default function AuditPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const audit = useAudit(network.slug);
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="page stack">
      <PageHeading title={t('networks.audit.title')} />
      <p className="muted">{t('networks.audit.intro')}</p>
      {audit.isPending && <Loading />}
      {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <p className="empty">{t('networks.audit.empty')}</p>}
      {entries.length > 0 && (
        <ol className="rows timeline">
          {entries.map((e) => {
            const detail = detailText(t, e);
            return (
              <li key={e.id} className="row">
                <div className="row-main">
                  <p>{auditSentence(t, e)}</p>
                  {detail && (
                    <p className="small muted" dir="auto">
                      {detail}
                    </p>
                  )}
                </div>
                <time className="muted small" dateTime={e.createdAt}>
                  {t('networks.audit.when', { when: new Date(e.createdAt) })}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {audit.hasNextPage && (
        <div>
          <Button
            variant="secondary"
            pending={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('common.load_more')}
          </Button>
        </div>
      )}
    </div>
  );
}
