import { z } from 'zod';
import { COUNTRY_CODES } from '../countries.ts';
import {
  DIRECTORY_IMPORT_PROBLEMS,
  DIRECTORY_KINDS,
  DIRECTORY_SERVICES,
  DIRECTORY_SOURCES,
} from '../directory.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { Id } from './networks.ts';
import { HttpUrl } from './url.ts';

export const DirectoryService = z.enum(DIRECTORY_SERVICES);
export const DirectoryKind = z.enum(DIRECTORY_KINDS);
export const DirectorySource = z.enum(DIRECTORY_SOURCES);
const Country = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => (COUNTRY_CODES as readonly string[]).includes(c), 'an ISO 3166-1 alpha-2 country code');
/** A comma-separated list in a query string, or the parameter repeated. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
    z.array(item).max(20).optional(),
  );

export const DirectoryQuery = z.strictObject({
  text: z.string().trim().min(1).max(100).optional(),
  country: Country.optional(),
  /** City or region, matched from the start of either (case and accents ignored). */
  city: z.string().trim().min(1).max(100).optional(),
  service: listParam(DirectoryService),
  language: listParam(z.enum(LANGUAGE_CODES)),
  kind: DirectoryKind.optional(),
  /** With both, entries come nearest first (those without a location last). */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** The same filters for an export (every matching entry, no paging). */
export const DirectoryExportQuery = DirectoryQuery.omit({ page: true, limit: true }).extend({
  format: z.enum(['csv', 'json']).default('csv'),
});
export type DirectoryExportQuery = z.infer<typeof DirectoryExportQuery>;

export const DirectoryEntryParams = z.strictObject({ id: Id });
export const DirectoryClaimParams = z.strictObject({ id: Id });

const Coordinate = (max: number) => z.number().min(-max).max(max);

/** What a platform admin writes for a directory-only entry. */
const DirectoryEntryFields = z.strictObject({
  name: z.string().trim().min(2).max(200),
  kind: DirectoryKind.exclude(['network']),
  services: z.array(DirectoryService).max(DIRECTORY_SERVICES.length).default([]),
  languages: z.array(z.enum(LANGUAGE_CODES)).max(30).default([]),
  country: Country,
  city: z.string().trim().max(120).default(''),
  region: z.string().trim().max(120).default(''),
  address: z.string().trim().max(300).default(''),
  latitude: Coordinate(90).nullable().default(null),
  longitude: Coordinate(180).nullable().default(null),
  email: z.string().trim().max(200).pipe(z.email()).nullable().default(null),
  phone: z.string().trim().max(60).nullable().default(null),
  website: HttpUrl(500).nullable().default(null),
  openingHours: z.string().trim().max(500).default(''),
  description: z.string().trim().max(2000).default(''),
  lastCheckedOn: z.iso.date().nullable().default(null),
});
/**
 * A location is both coordinates or neither: an entry half placed would show nowhere, or in the sea.
 * Left out of a change, both stay as they are.
 */
function bothCoordinatesOrNeither(
  body: { latitude?: number | null; longitude?: number | null },
  context: z.RefinementCtx,
) {
  const given = [body.latitude, body.longitude];
  if (given.every((v) => v === undefined)) return;
  if (given.every((v) => v === null) || given.every((v) => typeof v === 'number')) return;
  context.addIssue({
    code: 'custom',
    path: [typeof body.latitude === 'number' ? 'longitude' : 'latitude'],
    message: 'give both latitude and longitude, or neither',
  });
}

export const DirectoryEntryBody = DirectoryEntryFields.superRefine(bothCoordinatesOrNeither);
export type DirectoryEntryBody = z.infer<typeof DirectoryEntryBody>;

type Optionals<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T extends z.ZodType> ? T : S[K]>;
};
/** Every field optional and without its default, so that a change leaves out what it does not name. */
function optionalWithoutDefaults<S extends z.ZodRawShape>(shape: S): Optionals<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  ) as Optionals<S>;
}

export const UpdateDirectoryEntryBody = z
  .strictObject(optionalWithoutDefaults(DirectoryEntryFields.shape))
  .superRefine(bothCoordinatesOrNeither);
export type UpdateDirectoryEntryBody = z.infer<typeof UpdateDirectoryEntryBody>;

export const DirectoryEntry = z.object({
  id: z.string(),
  source: DirectorySource,
  name: z.string(),
  kind: DirectoryKind,
  services: z.array(z.string()),
  languages: z.array(z.string()),
  country: z.string(),
  city: z.string(),
  region: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  openingHours: z.string(),
  description: z.string(),
  lastCheckedOn: z.string().nullable(),
  /** The organisation on the platform this entry belongs to (listed, or claimed and approved). */
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The public network this entry is. */
  network: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** Kilometres from the location asked about, when one was given and the entry has a location. */
  distanceKm: z.number().nullable(),
  updatedAt: z.string(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryList = z.object({
  entries: z.array(DirectoryEntry),
  page: z.number(),
  /** The next page's number, or null at the end. */
  nextPage: z.number().nullable(),
});
export type DirectoryList = z.infer<typeof DirectoryList>;

export const DirectoryImportProblem = z.enum(DIRECTORY_IMPORT_PROBLEMS);
export const DirectoryImportRow = z.object({
  /** The line of a CSV file, or the position (1-based) in a JSON array. */
  line: z.number(),
  name: z.string(),
  problems: z.array(z.object({ problem: DirectoryImportProblem, field: z.string() })),
});
export type DirectoryImportRow = z.infer<typeof DirectoryImportRow>;

/** Preview and import both answer with every row; the import stores the valid ones. */
export const DirectoryImportResult = z.object({
  format: z.enum(['csv', 'json']),
  rows: z.array(DirectoryImportRow),
  valid: z.number(),
  invalid: z.number(),
  /** Entries stored (import only; 0 in a preview). */
  imported: z.number(),
});
export type DirectoryImportResult = z.infer<typeof DirectoryImportResult>;

/**
 * An organisation's place in the directory: listed or not, and where it is. Either may be left
 * out of a change (what is left out stays); the location is both coordinates or neither.
 */
export const DirectoryListingBody = z
  .strictObject({
    listed: z.boolean().optional(),
    latitude: Coordinate(90).nullable().optional(),
    longitude: Coordinate(180).nullable().optional(),
  })
  .superRefine(bothCoordinatesOrNeither)
  .superRefine((body, context) => {
    if (body.listed === undefined && body.latitude === undefined && body.longitude === undefined)
      context.addIssue({ code: 'custom', path: ['listed'], message: 'give listed, a location, or both' });
  });
export type DirectoryListingBody = z.infer<typeof DirectoryListingBody>;
export const DirectoryListing = z.object({
  listed: z.boolean(),
  /** Where the organisation is on the map, or null (then its entry has no location). */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type DirectoryListing = z.infer<typeof DirectoryListing>;

export const DirectoryClaimBody = z.strictObject({ entryId: Id });
export const DIRECTORY_CLAIM_STATUSES = ['pending', 'approved', 'declined'] as const;
export const DirectoryClaim = z.object({
  id: z.string(),
  entryId: z.string(),
  entryName: z.string(),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  status: z.enum(DIRECTORY_CLAIM_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type DirectoryClaim = z.infer<typeof DirectoryClaim>;
export const DirectoryClaimList = z.object({ claims: z.array(DirectoryClaim) });
export const DirectoryClaimDecisionBody = z.strictObject({ approve: z.boolean() });

/** What the directory map needs: where its tiles come from, and whether addresses can be looked up. */
export const DirectoryMapSettings = z.object({
  /** A Leaflet tile URL template: `{z}`, `{x}`, `{y}`, maybe `{s}`. */
  tileUrl: z.string(),
  /** The credit the tile server asks for (HTML, from the platform's configuration). */
  attribution: z.string(),
  /** Whether staff can look up an address's coordinates (a geocoder is configured). */
  geocoding: z.boolean(),
});
export type DirectoryMapSettings = z.infer<typeof DirectoryMapSettings>;

export const GeocodeQuery = z.strictObject({
  q: z.string().trim().min(3).max(300),
});
export const GeocodeResult = z.object({
  /** Best match first; empty when the geocoder knows no such place. */
  places: z.array(z.object({ label: z.string(), latitude: z.number(), longitude: z.number() })),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;
