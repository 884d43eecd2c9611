import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { countryName } from '../../../../common/countries.ts';
import { languageName } from '../../../../common/languages.ts';
import { UserText } from '../../components/UserText.tsx';
import { kindLabel, serviceLabel } from './labels.ts';

/** Where an entry is, in the reader's language: "City, Country". */
export function placeOf(entry: DirectoryEntry, locale: string): string {
  return [entry.city, countryName(entry.country, locale)].filter(Boolean).join(', ');
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
        {kindLabel(t, entry.kind)} · <UserText>{placeOf(entry, i18n.language)}</UserText>
        {entry.distanceKm !== null && (
          <> · {t('public_directory.distance', { km: Math.round(entry.distanceKm) })}</>
        )}
      </p>
      {entry.services.length > 0 && (
        <p>
          <span className="muted">{t('public_directory.services')}</span>{' '}
          {entry.services.map((s) => serviceLabel(t, s)).join(', ')}
        </p>
      )}
      {entry.languages.length > 0 && (
        <p>
          <span className="muted">{t('public_directory.languages')}</span>{' '}
          {entry.languages.map((l) => languageName(l, i18n.language)).join(', ')}
        </p>
      )}
    </li>
  );
}
