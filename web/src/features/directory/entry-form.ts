import type { TFunction } from 'i18next';
import type { DirectoryEntryBody } from '../../../../common/contracts/directory.ts';
import { DIRECTORY_KINDS } from '../../../../common/directory.ts';
import { isHttpUrl } from '../../../../common/urls.ts';
import { checkLocation } from './LocationFields.tsx';

/** The fields of a directory-only entry, named as the API names them (server errors land on them). */
export const ENTRY_FIELDS = [
  'name',
  'kind',
  'services',
  'languages',
  'country',
  'city',
  'region',
  'address',
  'latitude',
  'longitude',
  'email',
  'phone',
  'website',
  'openingHours',
  'description',
  'lastCheckedOn',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export type EntryValues = Record<EntryField, string>;

/** The kinds a curated entry may have: networks come from the platform only. */
export const CURATED_KINDS = DIRECTORY_KINDS.filter((k): k is DirectoryEntryBody['kind'] => k !== 'network');

/** The server's length limits (common/contracts/directory.ts), for the inputs and the checks. */
export const ENTRY_MAX_LENGTH = {
  name: 200,
  city: 120,
  region: 120,
  address: 300,
  email: 200,
  phone: 60,
  website: 500,
  openingHours: 500,
  description: 2000,
} as const satisfies Partial<Record<EntryField, number>>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * The checks the server makes, before sending, in the reader's language: an error per field
 * (empty when the entry can be sent). Required fields are checked by the form itself.
 */
export function checkEntry(t: TFunction, values: EntryValues): Partial<Record<EntryField, string>> {
  const errors: Partial<Record<EntryField, string>> = {};
  const name = values.name.trim();
  if (name.length === 1) errors.name = t('validation.too_short', { min: 2 });
  for (const [field, max] of Object.entries(ENTRY_MAX_LENGTH) as [EntryField, number][])
    if (values[field].trim().length > max) errors[field] = t('validation.too_long', { max });
  const located = checkLocation(t, values);
  if ('errors' in located) Object.assign(errors, located.errors);
  const email = values.email.trim();
  if (email && !errors.email && !EMAIL.test(email)) errors.email = t('validation.invalid_email');
  const website = values.website.trim();
  if (website && !errors.website && !isHttpUrl(website)) errors.website = t('validation.invalid_url');
  const day = values.lastCheckedOn.trim();
  if (day && !isCalendarDay(day)) errors.lastCheckedOn = t('validation.invalid');
  return errors;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** What the API takes, from checked values (lists come from the form's repeated inputs). */
export function entryBody(
  t: TFunction,
  values: EntryValues,
  lists: { services: string[]; languages: string[] },
): DirectoryEntryBody {
  const located = checkLocation(t, values);
  const location = 'location' in located ? located.location : { latitude: null, longitude: null };
  return {
    name: values.name.trim(),
    kind: (CURATED_KINDS as readonly string[]).includes(values.kind)
      ? (values.kind as DirectoryEntryBody['kind'])
      : 'other',
    services: lists.services as DirectoryEntryBody['services'],
    languages: lists.languages as DirectoryEntryBody['languages'],
    country: values.country.trim(),
    city: values.city.trim(),
    region: values.region.trim(),
    address: values.address.trim(),
    ...location,
    email: orNull(values.email),
    phone: orNull(values.phone),
    website: orNull(values.website),
    openingHours: values.openingHours.trim(),
    description: values.description.trim(),
    lastCheckedOn: orNull(values.lastCheckedOn),
  };
}
