import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { LegalKind } from '../../../../common/legal.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { useCurrentLegal } from './api.ts';

/** The current privacy notice (/privacy) or terms of use (/terms), as the server rendered it; public. */
export default function LegalTextPage() {
  const { t } = useTranslation();
  const kind: LegalKind = useLocation().pathname.startsWith('/terms') ? 'terms' : 'privacy';
  const legal = useCurrentLegal();
  const text = legal.data?.[kind];
  return (
    <div className="page stack">
      <PageHeading title={kind === 'privacy' ? t('nav.privacy_notice') : t('nav.terms_of_use')} />
      {legal.isPending && <Loading />}
      {legal.isError && <QueryError error={legal.error} onRetry={() => void legal.refetch()} />}
      {legal.data && !text && <p className="empty">{t('legal.page.none', { kind })}</p>}
      {text && (
        <article
          className="card stack"
          aria-label={kind === 'privacy' ? t('nav.privacy_notice') : t('nav.terms_of_use')}
        >
          <p className="muted small">
            {t('networks.agreement.version', { version: text.version, date: new Date(text.publishedAt) })}
          </p>
          <ServerHtml html={text.bodyHtml} />
        </article>
      )}
    </div>
  );
}
