import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { countryOptions } from '../../../../common/countries.ts';
import { DIRECTORY_KINDS, DIRECTORY_SERVICES } from '../../../../common/directory.ts';
import { LANGUAGE_CODES, languageName } from '../../../../common/languages.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMe } from '../auth/api.ts';
import { type DirectoryFilters, exportUrl, useDirectory, useMapEntries, useMapSettings } from './api.ts';
import { EntryCard } from './EntryCard.tsx';
import { kindLabel, serviceLabel } from './labels.ts';

// Leaflet, its styles and the clustering load only when the map view is opened.
const DirectoryMap = lazy(() => import('./map/DirectoryMap.tsx'));

const FILTER_NAMES = ['text', 'service', 'language', 'country', 'city', 'kind', 'lat', 'lng'] as const;

/** The filters as the address keeps them (a filtered list can be shared and survives reloads). */
export function filtersFromParams(params: URLSearchParams): DirectoryFilters {
  const filters: DirectoryFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * The public directory of organisations and networks that support migrants: search by words, filter
 * by service, language, country, place and kind, nearest first on request; no account needed.
 */
export default function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [text, setText] = useState(filters.text ?? '');
  const [city, setCity] = useState(filters.city ?? '');
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const directory = useDirectory(filters);
  const entries = directory.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.keys(filters).length > 0;
  const near = Boolean(filters.lat && filters.lng);
  const mapView = params.get('view') === 'map';
  const mapSettings = useMapSettings(mapView);
  const mapEntries = useMapEntries(filters, mapView);
  const { data: me } = useMe();

  function update(values: Partial<DirectoryFilters>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  }
  function search(event: FormEvent) {
    event.preventDefault();
    update({ text: text.trim() || undefined, city: city.trim() || undefined });
  }
  function nearest() {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        // Two decimals (about a kilometre) are enough to sort by, and tell the server no more.
        update({
          lat: position.coords.latitude.toFixed(2),
          lng: position.coords.longitude.toFixed(2),
        });
      },
      () => setLocating('failed'),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }
  function clear() {
    setText('');
    setCity('');
    setParams(mapView ? new URLSearchParams({ view: 'map' }) : new URLSearchParams(), { replace: true });
  }
  function showView(view: 'list' | 'map') {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (view === 'map') next.set('view', 'map');
        else next.delete('view');
        return next;
      },
      { replace: true },
    );
  }

  const any = { value: '', label: t('public_directory.any') };
  return (
    <div className="page stack">
      <PageHeading title={t('public_directory.title')} />
      <p className="muted">{t('public_directory.intro')}</p>
      {me?.isPlatformAdmin && (
        <p>
          <Link className="button button-primary" to="/directory/new">
            {t('public_directory.add_entry')}
          </Link>
        </p>
      )}

      <form className="stack" aria-label={t('public_directory.search_label')} onSubmit={search}>
        <TextField
          name="text"
          type="search"
          label={t('public_directory.search_label')}
          hint={t('public_directory.search_hint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={100}
        />
        <div className="filters directory-filters">
          <SelectField
            name="service"
            label={t('public_directory.service_label')}
            value={filters.service ?? ''}
            onChange={(e) => update({ service: e.target.value })}
            options={[any, ...DIRECTORY_SERVICES.map((s) => ({ value: s, label: serviceLabel(t, s) }))]}
          />
          <SelectField
            name="language"
            label={t('public_directory.language_label')}
            value={filters.language ?? ''}
            onChange={(e) => update({ language: e.target.value })}
            options={[
              any,
              ...LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, i18n.language) })).sort(
                (a, b) => a.label.localeCompare(b.label, i18n.language),
              ),
            ]}
          />
          <SelectField
            name="country"
            label={t('public_directory.country_label')}
            value={filters.country ?? ''}
            onChange={(e) => update({ country: e.target.value })}
            options={[any, ...countryOptions(i18n.language).map((c) => ({ value: c.code, label: c.name }))]}
          />
          <TextField
            name="city"
            label={t('public_directory.city_label')}
            value={city}
            onChange={(e) => setCity(e.target.value)}
            maxLength={100}
          />
          <SelectField
            name="kind"
            label={t('public_directory.kind_label')}
            value={filters.kind ?? ''}
            onChange={(e) => update({ kind: e.target.value })}
            options={[any, ...DIRECTORY_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))]}
          />
        </div>
        <div className="actions">
          <Button type="submit">{t('public_directory.search_action')}</Button>
          {near ? (
            <Button variant="secondary" onClick={() => update({ lat: undefined, lng: undefined })}>
              {t('public_directory.by_name')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={nearest} disabled={locating === 'busy'}>
              {t('public_directory.nearest')}
            </Button>
          )}
          {filtered && (
            <Button variant="secondary" onClick={clear}>
              {t('public_directory.clear')}
            </Button>
          )}
        </div>
        {locating === 'failed' && <p role="status">{t('public_directory.location_failed')}</p>}
      </form>

      <fieldset>
        <legend className="visually-hidden">{t('public_directory.view_label')}</legend>
        <div className="actions">
          <Button
            variant={mapView ? 'secondary' : 'primary'}
            aria-pressed={!mapView}
            onClick={() => showView('list')}
          >
            {t('public_directory.view_list')}
          </Button>
          <Button
            variant={mapView ? 'primary' : 'secondary'}
            aria-pressed={mapView}
            onClick={() => showView('map')}
          >
            {t('public_directory.view_map')}
          </Button>
        </div>
      </fieldset>

      {mapView && (
        <section className="stack" aria-label={t('public_directory.map_label')}>
          {mapSettings.isError ? (
            <QueryError error={mapSettings.error} />
          ) : mapEntries.isError ? (
            <QueryError error={mapEntries.error} />
          ) : !mapSettings.data || !mapEntries.data ? (
            <Loading />
          ) : (
            <>
              {mapEntries.data.length === 0 && <p className="empty">{t('public_directory.map_none')}</p>}
              <Suspense fallback={<Loading />}>
                <DirectoryMap entries={mapEntries.data} settings={mapSettings.data} />
              </Suspense>
            </>
          )}
        </section>
      )}

      {directory.isPending ? (
        <Loading />
      ) : directory.isError ? (
        <QueryError error={directory.error} />
      ) : entries.length === 0 ? (
        <p className="empty">
          {filtered ? t('public_directory.empty_filtered') : t('public_directory.empty')}
        </p>
      ) : (
        <>
          <ul className="rows" aria-label={t('public_directory.results')}>
            {entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} />
            ))}
          </ul>
          {directory.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => directory.fetchNextPage()}
              disabled={directory.isFetchingNextPage}
            >
              {t('public_directory.load_more')}
            </Button>
          )}
          <p className="muted">
            {t('public_directory.export')} <a href={exportUrl(filters, 'csv')}>CSV</a> ·{' '}
            <a href={exportUrl(filters, 'json')}>JSON</a>
          </p>
        </>
      )}
    </div>
  );
}
