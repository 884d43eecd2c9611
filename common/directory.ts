import { ORGANISATION_KINDS } from './organisations.ts';

/**
 * The public directory (PRODUCT E3): organisations and networks that support migrants. The shared
 * list of services an entry offers; names are in the catalogues under `public_directory.service.*`.
 */
export const DIRECTORY_SERVICES = [
  'counselling',
  'legal_asylum',
  'housing',
  'work',
  'language_courses',
  'education',
  'health',
  'psychosocial',
  'women',
  'children_families',
  'lgbtqi',
  'benefits',
  'everyday_life',
  'interpreting',
] as const;
export type DirectoryService = (typeof DIRECTORY_SERVICES)[number];

/** What an entry is: the kinds of organisations, and a network of mentors. */
export const DIRECTORY_KINDS = [...ORGANISATION_KINDS, 'network'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** Where an entry comes from: curated by platform admins, a listed organisation, a public network. */
export const DIRECTORY_SOURCES = ['curated', 'organisation', 'network'] as const;
export type DirectorySource = (typeof DIRECTORY_SOURCES)[number];

/** The services an organisation on the platform offers (its expertise areas) in directory words. */
export const SERVICE_OF_EXPERTISE: Readonly<Record<string, DirectoryService>> = {
  asylum_residence: 'legal_asylum',
  legal_advice: 'legal_asylum',
  housing: 'housing',
  work: 'work',
  language_learning: 'language_courses',
  education: 'education',
  health: 'health',
  psychosocial_support: 'psychosocial',
  family: 'children_families',
  children_youth: 'children_families',
  benefits: 'benefits',
  everyday_life: 'everyday_life',
  translation: 'interpreting',
};

/**
 * The columns of a directory CSV file, in the order the export writes them. Lists (services,
 * languages) are separated by `|`; services use the codes above, languages ISO 639-1 codes, the
 * country ISO 3166-1 alpha-2; dates YYYY-MM-DD.
 */
export const DIRECTORY_CSV_COLUMNS = [
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
  'opening_hours',
  'description',
  'last_checked',
] as const;
export type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

export const DIRECTORY_IMPORT_MAX_ROWS = 5_000;
export const DIRECTORY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Problems a row of an import file can have, named under `public_directory.import.problem.*`. */
export const DIRECTORY_IMPORT_PROBLEMS = [
  'name_missing',
  'kind_invalid',
  'service_invalid',
  'language_invalid',
  'country_invalid',
  'coordinates_invalid',
  'website_invalid',
  'email_invalid',
  'date_invalid',
  'too_long',
] as const;
export type DirectoryImportProblem = (typeof DIRECTORY_IMPORT_PROBLEMS)[number];

/** Great-circle distance in kilometres (haversine), for showing how far an entry is. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * One coordinate as a person types it (a dot or a comma as the decimal mark, spaces around):
 * the number, null when left empty, or 'invalid' when it is no number or out of range
 * (90 for a latitude, 180 for a longitude).
 */
export function parseCoordinate(text: string, max: 90 | 180): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[-+]?\d{1,3}([.,]\d+)?$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed.replace(',', '.'));
  return Math.abs(value) <= max ? value : 'invalid';
}

/**
 * Both coordinates pasted into one field, as maps show them: "51.34, 12.37" or "51.34 12.37";
 * undefined when the text is not such a pair.
 */
export function parseCoordinatePair(text: string): { latitude: number; longitude: number } | undefined {
  const match = /^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return undefined;
  const latitude = parseCoordinate(match[1] ?? '', 90);
  const longitude = parseCoordinate(match[2] ?? '', 180);
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  return { latitude, longitude };
}
