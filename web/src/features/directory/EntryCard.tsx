import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { countryName } from '../../../../common/countries.ts';
import { languageName } from '../../../../common/languages.ts';
import { UserText } from '../../components/UserText.tsx';
import { kindLabel, serviceLabel } from './labels.ts';

/** Items as a list in the reader's language ("a, b, c"; "a، b، c" in Arabic). */
export function listOf(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items);
}

/** Where an entry is: its city as written (isolated), and the country in the reader's language. */
export function Place({ entry }: { entry: DirectoryEntry }) {
  const { t, i18n } = useTranslation();
  const country = countryName(entry.country, i18n.language);
  if (!entry.city) return <>{country}</>;
  return <>{t('public_directory.place', { city: `\u2068${entry.city}\u2069`, country })}</>;
}

/** One entry in the list: name, kind and place, services, languages, and how far when asked. */
export function EntryCard({ entry }: { entry: DirectoryEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card stack">
      <h2>
        <Link to={`/directory/${encodeURIComponent(entry.id)}`}>
          <UserText>{entry.name}</UserText>
        </Link>
      </h2>
      <p className="muted">
        {kindLabel(t, entry.kind)} · <Place entry={entry} />
        {entry.distanceKm !== null && (
          <> · {t('public_directory.distance', { km: Math.round(entry.distanceKm) })}</>
        )}
      </p>
      {entry.services.length > 0 && (
        <p>
          <span className="muted">{t('public_directory.services')}</span>{' '}
          {listOf(
            entry.services.map((s) => serviceLabel(t, s)),
            i18n.language,
          )}
        </p>
      )}
      {entry.languages.length > 0 && (
        <p>
          <span className="muted">{t('public_directory.languages')}</span>{' '}
          {listOf(
            entry.languages.map((l) => languageName(l, i18n.language)),
            i18n.language,
          )}
        </p>
      )}
    </li>
  );
}
