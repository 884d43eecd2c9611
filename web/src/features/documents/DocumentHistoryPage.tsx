import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { fetchUserProfile, profileKeys } from '../profiles/api.ts';
import { useDocumentVersions } from './api.ts';

/** Every published version of the agreement or the rules: when, by whom, and the text of any of them. */
export default function DocumentHistoryPage() {
  const network = useCurrentNetwork();
  const { kind = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const isKnownKind = kind === 'agreement' || kind === 'rules';
  const versions = useDocumentVersions(network.slug, isKnownKind ? kind : 'agreement');
  const list = versions.data?.versions ?? [];
  const publishers = usePublisherNames(list.map((v) => v.publishedBy));
  const asked = params.get('version');
  const selected = asked ? list.find((v) => String(v.version) === asked) : list[0];
  const textHeading = useRef<HTMLHeadingElement>(null);
  const chosenOnce = useRef(false);

  // Choosing another version moves the reader to its text (not on the first load).
  useEffect(() => {
    if (asked && chosenOnce.current) textHeading.current?.focus();
    if (asked) chosenOnce.current = true;
  }, [asked]);

  const title = kind === 'rules' ? t('networks.history.title_rules') : t('networks.history.title_agreement');
  return (
    <div className="page stack">
      <p className="eyebrow">
        <Link to={`/networks/${network.slug}/agreement`}>{t('networks.agreement.back')}</Link>
      </p>
      <PageHeading title={title} />
      {!isKnownKind && <p className="empty">{t('common.not_found_body')}</p>}
      {isKnownKind && versions.isPending && <Loading />}
      {isKnownKind && versions.isError && (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      )}
      {isKnownKind && versions.isSuccess && list.length === 0 && (
        <p className="empty">{t('networks.agreement.none')}</p>
      )}
      {isKnownKind && list.length > 0 && (
        <>
          <section className="card stack" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{t('networks.history.versions')}</h2>
            <ol className="rows version-list">
              {list.map((v, index) => {
                const name = v.publishedBy ? publishers.get(v.publishedBy) : undefined;
                const date = new Date(v.publishedAt);
                const isSelected = v.version === selected?.version;
                return (
                  <li key={v.version} className={`row${isSelected ? ' is-selected' : ''}`}>
                    <div className="row-main stack-tight">
                      <p className="strong">
                        <Link to={`?version=${v.version}`} aria-current={isSelected ? 'true' : undefined}>
                          {t('networks.history.version', { version: v.version })}
                        </Link>{' '}
                        {index === 0 && (
                          <span className="badge badge-ok">{t('networks.history.current')}</span>
                        )}
                      </p>
                      <p className="muted small">
                        {name
                          ? t('networks.history.published_by', { date, name })
                          : t('networks.history.published', { date })}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
          {asked && !selected && <Alert tone="error">{t('networks.history.version_missing')}</Alert>}
          {selected && (
            <article className="card stack" aria-labelledby="version-text-heading">
              <header className="stack-tight">
                <p className="eyebrow">
                  {t('networks.history.version', { version: selected.version })}
                  {selected.version !== list[0]?.version && ` · ${t('networks.history.older')}`}
                </p>
                <h2 id="version-text-heading" ref={textHeading} tabIndex={-1} dir="auto">
                  {selected.title}
                </h2>
                <p className="muted small">
                  {t('networks.agreement.version', {
                    version: selected.version,
                    date: new Date(selected.publishedAt),
                  })}
                </p>
              </header>
              {selected.summary && (
                <div className="stack-tight">
                  <p className="strong">{t('networks.agreement.summary_label')}</p>
                  <p className="pre-wrap" dir="auto">
                    {selected.summary}
                  </p>
                </div>
              )}
              {/* The text keeps its own direction (an English text on an Arabic page reads left to right). */}
              <ServerHtml html={selected.bodyHtml} />
            </article>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Names of the people who published versions, looked up through their profiles (a profile the
 * viewer may not see leaves the name out rather than failing the page).
 */
function usePublisherNames(ids: (string | null)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: profileKeys.user(id),
      queryFn: () => fetchUserProfile(id),
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    const id = unique[i];
    if (id && r.data) names.set(id, r.data.displayName);
  });
  return names;
}
