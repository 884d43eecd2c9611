import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EXPERTISE_AREAS } from '../../../../common/expertise.ts';
import { LANGUAGE_CODES, languageName } from '../../../../common/languages.ts';
import { RESOURCE_KINDS, type ResourceKind } from '../../../../common/resources.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { expertiseLabel } from '../../lib/labels.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { type ResourceFilters, resourceAccess, useResources, useStartHere } from './api.ts';
import { resourceKindLabel } from './labels.ts';
import { ResourceRow } from './ResourceRow.tsx';

/** The filters as the address keeps them (so a filtered list can be shared and survives reloads). */
export function filtersFromParams(params: URLSearchParams): ResourceFilters {
  const kind = params.get('kind') ?? '';
  return {
    kind: (RESOURCE_KINDS as readonly string[]).includes(kind) ? (kind as ResourceKind) : undefined,
    tag: params.get('tag') || undefined,
    language: params.get('language') || undefined,
    expertise: params.get('expertise') || undefined,
    text: params.get('text')?.trim() || undefined,
  };
}

/**
 * The resource library of a network: the curated "start here" list for newcomers, then every
 * page, link and file, latest change first, searched by text and filtered by kind, language,
 * area and tag, page by page.
 */
export default function ResourcesPage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const access = resourceAccess(network);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [text, setText] = useState(filters.text ?? '');
  const resources = useResources(network.slug, filters, access.view);
  const startHere = useStartHere(network.slug, access.view);
  const list = resources.data?.pages.flatMap((p) => p.resources) ?? [];
  const canCreate = resources.data?.pages[0]?.canCreate ?? false;
  const filtered = Object.values(filters).some(Boolean);

  function set(name: string, value: string | undefined) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }
  function search(event: FormEvent) {
    event.preventDefault();
    set('text', text.trim() || undefined);
  }

  if (!access.view) {
    return (
      <div className="page stack">
        <PageHeading title={t('resources.title')} />
        <p className="empty">{t('resources.members_only')}</p>
      </div>
    );
  }

  const pinned = startHere.data?.resources ?? [];
  return (
    <div className="page stack">
      <div className="section-head">
        <PageHeading title={t('resources.title')} />
        {canCreate && (
          <Link className="button button-primary" to={`/networks/${network.slug}/resources/new`}>
            {t('resources.new_action')}
          </Link>
        )}
      </div>
      <p className="muted">{t('resources.intro')}</p>

      {pinned.length > 0 && !filtered && (
        <section className="card stack" aria-labelledby="start-here-heading">
          <h2 id="start-here-heading">{t('resources.start_here')}</h2>
          <ol className="rows">
            {pinned.map((r) => (
              <ResourceRow key={r.id} slug={network.slug} resource={r} />
            ))}
          </ol>
        </section>
      )}

      <form className="resource-search" aria-label={t('resources.search_label')} onSubmit={search}>
        <TextField
          name="text"
          type="search"
          label={t('resources.search_label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={100}
        />
        <Button type="submit">{t('resources.search_action')}</Button>
      </form>
      <details className="disclosure" open={Boolean(filters.kind || filters.language || filters.expertise)}>
        <summary>{t('resources.filters')}</summary>
        <div className="filters">
          <SelectField
            name="kind"
            label={t('resources.filter_kind')}
            value={filters.kind ?? ''}
            onChange={(e) => set('kind', e.target.value)}
            options={[
              { value: '', label: t('resources.filter_any') },
              ...RESOURCE_KINDS.map((k) => ({ value: k, label: resourceKindLabel(t, k) })),
            ]}
          />
          <SelectField
            name="language"
            label={t('resources.language')}
            value={filters.language ?? ''}
            onChange={(e) => set('language', e.target.value)}
            options={[
              { value: '', label: t('resources.filter_any') },
              ...LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, i18n.language) })),
            ]}
          />
          <SelectField
            name="expertise"
            label={t('resources.expertise')}
            value={filters.expertise ?? ''}
            onChange={(e) => set('expertise', e.target.value)}
            options={[
              { value: '', label: t('resources.filter_any') },
              ...EXPERTISE_AREAS.map((a) => ({ value: a, label: expertiseLabel(t, a) })),
            ]}
          />
        </div>
      </details>
      {filters.tag && (
        <p>
          {t('resources.tag_filter', { tag: `\u2068${filters.tag}\u2069` })}{' '}
          <Button variant="secondary" onClick={() => set('tag', undefined)}>
            {t('resources.clear_tag')}
          </Button>
        </p>
      )}

      {resources.isPending ? (
        <Loading />
      ) : resources.isError ? (
        <QueryError error={resources.error} />
      ) : list.length === 0 ? (
        <p className="empty">{filtered ? t('resources.empty_filtered') : t('resources.empty')}</p>
      ) : (
        <>
          <ul className="rows">
            {list.map((r) => (
              <ResourceRow key={r.id} slug={network.slug} resource={r} />
            ))}
          </ul>
          {resources.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => resources.fetchNextPage()}
              disabled={resources.isFetchingNextPage}
            >
              {t('resources.load_more')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
