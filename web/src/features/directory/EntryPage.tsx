import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { languageName } from '../../../../common/languages.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { formatDate } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useDirectoryEntry, useMapSettings } from './api.ts';
import { EntryAdminActions } from './EntryAdminActions.tsx';
import { EntryLocationSection } from './EntryLocationSection.tsx';
import { listOf, Place } from './EntryCard.tsx';
import { kindLabel, serviceLabel } from './labels.ts';

const EntryMap = lazy(() => import('./map/EntryMap.tsx'));

/** One directory entry: what it offers, in which languages, where, and how to reach it. */
export default function EntryPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const entry = useDirectoryEntry(id);
  const located = entry.data?.latitude != null && entry.data?.longitude != null;
  const mapSettings = useMapSettings(located);
  const { data: me } = useMe();
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <QueryError error={entry.error} />;
  const e = entry.data;
  const curating = Boolean(me?.isPlatformAdmin) && e.source === 'curated';
  const mapLink =
    e.latitude !== null && e.longitude !== null
      ? `https://www.openstreetmap.org/?mlat=${e.latitude}&mlon=${e.longitude}#map=17/${e.latitude}/${e.longitude}`
      : null;
  return (
    <div className="page stack">
      <p>
        <Link to="/directory">{t('public_directory.back')}</Link>
      </p>
      <PageHeading title={e.name} />
      {curating && <EntryAdminActions entry={e} />}
      <p className="muted">
        {kindLabel(t, e.kind)} · <Place entry={e} />
      </p>
      {e.description && (
        <UserText as="p" className="prose">
          {e.description}
        </UserText>
      )}
      <dl className="facts">
        {e.services.length > 0 && (
          <>
            <dt>{t('public_directory.services')}</dt>
            <dd>
              {listOf(
                e.services.map((s) => serviceLabel(t, s)),
                i18n.language,
              )}
            </dd>
          </>
        )}
        {e.languages.length > 0 && (
          <>
            <dt>{t('public_directory.languages')}</dt>
            <dd>
              {listOf(
                e.languages.map((l) => languageName(l, i18n.language)),
                i18n.language,
              )}
            </dd>
          </>
        )}
        {e.phone && (
          <>
            <dt>{t('public_directory.phone')}</dt>
            <dd>
              <a href={`tel:${e.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {e.phone}
              </a>
            </dd>
          </>
        )}
        {e.email && (
          <>
            <dt>{t('public_directory.email')}</dt>
            <dd>
              <a href={`mailto:${e.email}`} dir="ltr">
                {e.email}
              </a>
            </dd>
          </>
        )}
        {e.website && (
          <>
            <dt>{t('public_directory.website')}</dt>
            <dd>
              <a href={e.website} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                {e.website}
              </a>
            </dd>
          </>
        )}
        {e.address && (
          <>
            <dt>{t('public_directory.address')}</dt>
            <dd>
              <UserText>{e.address}</UserText>
              {mapLink && (
                <>
                  {' '}
                  (<a href={mapLink}>{t('public_directory.on_map')}</a>)
                </>
              )}
            </dd>
          </>
        )}
        {e.openingHours && (
          <>
            <dt>{t('public_directory.opening_hours')}</dt>
            <dd>
              <UserText>{e.openingHours}</UserText>
            </dd>
          </>
        )}
        {e.lastCheckedOn && (
          <>
            <dt>{t('public_directory.last_checked')}</dt>
            <dd>{formatDate(e.lastCheckedOn, i18n.language)}</dd>
          </>
        )}
      </dl>
      {e.latitude !== null && e.longitude !== null && mapSettings.data && (
        <section aria-label={t('public_directory.entry_map_label', { name: e.name })}>
          <Suspense fallback={<Loading />}>
            <EntryMap
              name={e.name}
              latitude={e.latitude}
              longitude={e.longitude}
              settings={mapSettings.data}
            />
          </Suspense>
        </section>
      )}
      {curating && <EntryLocationSection entry={e} />}
      {e.network && (
        <p>
          <Link className="button button-primary" to={`/networks/${e.network.slug}`}>
            {t('public_directory.open_network')}
          </Link>
        </p>
      )}
      {e.organisation && (
        <p>
          <Link to={`/organisations/${e.organisation.slug}`}>{t('public_directory.open_organisation')}</Link>
        </p>
      )}
    </div>
  );
}
