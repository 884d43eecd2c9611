import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchResult, SearchType } from '../../../../common/contracts/search.ts';
import { SEARCH_TYPES } from '../../../../common/search.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useMyNetworks } from '../networks/api.ts';
import { useSearch } from './api.ts';
import { MarkedText } from './MarkedText.tsx';

const TYPE_KEYS = {
  topic: 'search.type_topic',
  reply: 'search.type_reply',
  announcement: 'search.type_announcement',
  help_request: 'search.type_help_request',
  event: 'search.type_event',
  resource: 'search.type_resource',
  member: 'search.type_member',
  organisation: 'search.type_organisation',
} as const satisfies Record<SearchType, string>;
const GROUP_KEYS = {
  topic: 'search.group_topic',
  reply: 'search.group_reply',
  announcement: 'search.group_announcement',
  help_request: 'search.group_help_request',
  event: 'search.group_event',
  resource: 'search.group_resource',
  member: 'search.group_member',
  organisation: 'search.group_organisation',
} as const satisfies Record<SearchType, string>;

/** Where a result opens (a new kind of result adds its page here). */
export function resultLink(r: SearchResult): string {
  const slug = r.network?.slug ?? '';
  switch (r.type) {
    case 'topic':
      return `/networks/${slug}/discussions/${r.id}`;
    case 'reply':
      return `/networks/${slug}/discussions/${r.topicId}#post-${r.id}`;
    case 'announcement':
      return `/networks/${slug}#announcement-${r.id}`;
    case 'help_request':
      return `/networks/${slug}/support/${r.id}`;
    case 'event':
      return `/networks/${slug}/events/${r.id}`;
    case 'resource':
      return `/networks/${slug}/resources/${r.id}`;
    case 'organisation':
      return `/organisations/${r.slug ?? ''}`;
    case 'member':
      return `/networks/${slug}/directory?q=${encodeURIComponent(r.title)}`;
  }
}

/** Search across everything in my networks (discussions, support, events, people…); the filters live in the address. */
export default function SearchPage() {
  const { t } = useTranslation();
  const resultsId = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const network = params.get('network') ?? '';
  const type = (params.get('type') ?? '') as SearchType | '';
  const networks = useMyNetworks();
  const search = useSearch({ q, network, type });
  const results = search.data?.pages.flatMap((p) => p.results) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'network', 'type']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <div className="page stack">
      <PageHeading title={t('search.title')} />
      <search>
        <form className="card filters" onSubmit={onSubmit} key={params.toString()}>
          <TextField
            name="q"
            type="search"
            label={t('search.words')}
            hint={t('search.hint')}
            defaultValue={q}
            maxLength={200}
          />
          <SelectField
            name="network"
            label={t('search.network')}
            defaultValue={network}
            options={[
              { value: '', label: t('search.all_networks') },
              ...(networks.data?.networks ?? []).map((n) => ({ value: n.slug, label: n.name })),
            ]}
          />
          <SelectField
            name="type"
            label={t('search.type')}
            defaultValue={type}
            options={[
              { value: '', label: t('search.all_types') },
              ...SEARCH_TYPES.map((s) => ({ value: s, label: t(TYPE_KEYS[s]) })),
            ]}
          />
          <div className="actions filters-actions">
            <Button type="submit" aria-controls={resultsId}>
              {t('search.submit')}
            </Button>
          </div>
        </form>
      </search>
      <div id={resultsId} className="stack" aria-live="polite" aria-busy={search.isFetching || undefined}>
        {q === '' && <p className="empty">{t('search.start')}</p>}
        {q !== '' && search.isPending && <Loading />}
        {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {search.isSuccess && results.length === 0 && <p className="empty">{t('search.empty', { q })}</p>}
        {SEARCH_TYPES.map((group) => {
          const inGroup = results.filter((r) => r.type === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} className="stack" aria-labelledby={`${resultsId}-${group}`}>
              <h2 id={`${resultsId}-${group}`}>{t(GROUP_KEYS[group], { count: inGroup.length })}</h2>
              <ul className="rows">
                {inGroup.map((r) => (
                  <li key={`${r.type}-${r.id}`} className="row search-result">
                    <div className="row-main stack-tight">
                      <Link to={resultLink(r)} className="strong">
                        <MarkedText pieces={r.titleMarks} className="highlighted" />
                      </Link>
                      {r.snippet.length > 0 && (
                        <p className="highlighted snippet small">
                          <MarkedText pieces={r.snippet} />
                        </p>
                      )}
                      {r.network && (
                        <span className="muted small">
                          <UserText>{r.network.name}</UserText>
                        </span>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {search.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={search.isFetchingNextPage}
              onClick={() => void search.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
