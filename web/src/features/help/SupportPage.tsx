import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EXPERTISE_AREAS } from '../../../../common/expertise.ts';
import { HELP_REQUEST_KINDS, type HelpRequestKind } from '../../../../common/help-requests.ts';
import { languageOptions } from '../../../../common/languages.ts';
import { Button } from '../../components/Button.tsx';
import { ComboboxField } from '../../components/Combobox.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { expertiseLabel } from '../../lib/labels.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { type HelpFilters, helpAccess, useHelpRequests } from './api.ts';
import { HelpRequestRow } from './HelpRequestRow.tsx';
import { helpKindLabel } from './labels.ts';

/** The views of the list, as chips: what needs help, everything, one's own, one's offers, unanswered. */
const VIEWS = ['open', 'all', 'mine', 'offered', 'unanswered'] as const;
export type HelpView = (typeof VIEWS)[number];

function viewLabel(t: TFunction, view: HelpView): string {
  const labels: Record<HelpView, string> = {
    open: t('help.view.open'),
    all: t('help.view.all'),
    mine: t('help.view.mine'),
    offered: t('help.view.offered'),
    unanswered: t('help.view.unanswered'),
  };
  return labels[view];
}

function emptyText(t: TFunction, view: HelpView, filtered: boolean): string {
  if (filtered) return t('help.empty.filtered');
  const texts: Record<HelpView, string> = {
    open: t('help.empty.open'),
    all: t('help.empty.all'),
    mine: t('help.empty.mine'),
    offered: t('help.empty.offered'),
    unanswered: t('help.empty.unanswered'),
  };
  return texts[view];
}

/** The API's list filters for a view and the chosen kind, area and language. */
export function filtersOf(
  view: HelpView,
  extra: { kind?: HelpRequestKind; expertise?: string; language?: string },
): HelpFilters {
  const filters: HelpFilters = { ...extra };
  if (view === 'open') filters.status = 'open';
  if (view === 'mine') filters.mine = true;
  if (view === 'offered') filters.offered = true;
  if (view === 'unanswered') filters.unanswered = true;
  return filters;
}

/**
 * The Support area of a network: requests for help and case consultations, filtered by chips
 * (open, all, mine, those I offered to help with, and unanswered for the meta-mentors and office)
 * and by kind, expertise and language, page by page; "Ask for support" leads to the form.
 */
export default function SupportPage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const access = helpAccess(network);
  const [params, setParams] = useSearchParams();
  const views = VIEWS.filter((v) => v !== 'unanswered' || access.manage);
  const view = (views as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as HelpView)
    : 'open';
  const kind = (HELP_REQUEST_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as HelpRequestKind)
    : undefined;
  const expertise = params.get('expertise') || undefined;
  const language = params.get('language') || undefined;
  const requests = useHelpRequests(
    network.slug,
    filtersOf(view, { kind, expertise, language }),
    20,
    access.view,
  );
  const list = requests.data?.pages.flatMap((p) => p.requests) ?? [];

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

  if (!access.view) {
    return (
      <div className="page stack">
        <PageHeading title={t('help.title')} />
        <p className="empty">{t('help.members_only')}</p>
      </div>
    );
  }

  return (
    <div className="page stack">
      <div className="section-head">
        <PageHeading title={t('help.title')} />
        {access.ask && (
          <Link className="button button-primary help-ask" to={`/networks/${network.slug}/support/new`}>
            {t('help.ask_action')}
          </Link>
        )}
      </div>
      <p className="muted">{t('help.intro')}</p>

      <fieldset className="filter-chips">
        <legend className="visually-hidden">{t('help.view.legend')}</legend>
        {views.map((v) => (
          <Button
            key={v}
            variant={view === v ? 'primary' : 'secondary'}
            aria-pressed={view === v}
            onClick={() => set('view', v === 'open' ? undefined : v)}
          >
            {viewLabel(t, v)}
          </Button>
        ))}
      </fieldset>
      <details className="disclosure" open={Boolean(kind || expertise || language)}>
        <summary>{t('help.filters')}</summary>
        <div className="filters">
          <SelectField
            name="kind"
            label={t('help.filter_kind')}
            value={kind ?? ''}
            onChange={(e) => set('kind', e.target.value)}
            options={[
              { value: '', label: t('help.filter_any') },
              ...HELP_REQUEST_KINDS.map((k) => ({ value: k, label: helpKindLabel(t, k) })),
            ]}
          />
          <SelectField
            name="expertise"
            label={t('help.expertise')}
            value={expertise ?? ''}
            onChange={(e) => set('expertise', e.target.value)}
            options={[
              { value: '', label: t('help.filter_any') },
              ...EXPERTISE_AREAS.map((a) => ({ value: a, label: expertiseLabel(t, a) })),
            ]}
          />
          <ComboboxField
            name="language"
            label={t('help.language')}
            value={language ?? ''}
            onChange={(value) => set('language', value)}
            options={[
              { value: '', label: t('help.filter_any') },
              ...languageOptions(i18n.language, network.languages)
                .filter((l) => network.languages.includes(l.code))
                .map((l) => ({ value: l.code, label: l.name })),
            ]}
          />
        </div>
      </details>

      <section
        className="stack"
        aria-labelledby="help-list-heading"
        aria-busy={requests.isFetching || undefined}
      >
        <h2 id="help-list-heading" className="visually-hidden">
          {viewLabel(t, view)}
        </h2>
        {requests.isPending && <Loading />}
        {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
        {requests.isSuccess && list.length === 0 && (
          <div className="empty stack-tight">
            <p>{emptyText(t, view, Boolean(kind || expertise || language))}</p>
            {access.ask && view !== 'offered' && view !== 'unanswered' && (
              <p>
                <Link to={`/networks/${network.slug}/support/new`}>{t('help.empty.ask')}</Link>
              </p>
            )}
          </div>
        )}
        {list.length > 0 && (
          <ul className="rows">
            {list.map((r) => (
              <HelpRequestRow key={r.id} slug={network.slug} request={r} />
            ))}
          </ul>
        )}
        {requests.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={requests.isFetchingNextPage}
              onClick={() => void requests.fetchNextPage()}
            >
              {t('help.load_more')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
