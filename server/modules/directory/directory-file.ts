import type { z } from 'zod';
import {
  type DirectoryEntry,
  DirectoryEntryBody,
  type DirectoryImportRow,
} from '../../../common/contracts/directory.ts';
import {
  DIRECTORY_CSV_COLUMNS,
  DIRECTORY_IMPORT_MAX_ROWS,
  type DirectoryCsvColumn,
  type DirectoryImportProblem,
} from '../../../common/directory.ts';
import { AppError } from '../../errors.ts';
import {
  CsvSyntaxError,
  CsvTooManyRecordsError,
  decodeCsvBytes,
  normaliseHeader,
  parseCsv,
} from '../mooc/index.ts';

/** One row of an import file, checked on its own: the entry it makes, or its problems. */
export interface CheckedRow extends DirectoryImportRow {
  entry: DirectoryEntryBody | null;
}

/** Header spellings besides the documented ones (folded by normaliseHeader). */
const ALIASES: Partial<Record<DirectoryCsvColumn, string[]>> = {
  latitude: ['lat'],
  longitude: ['lng', 'lon', 'long'],
  email: ['e-mail', 'mail'],
  phone: ['telephone', 'tel'],
  website: ['url', 'web'],
  opening_hours: ['openinghours', 'hours'],
  last_checked: ['lastcheckedon', 'checked'],
};
const HEADER_TO_COLUMN = new Map<string, DirectoryCsvColumn>(
  DIRECTORY_CSV_COLUMNS.flatMap((column) =>
    [column, ...(ALIASES[column] ?? [])].map((h) => [normaliseHeader(h), column] as const),
  ),
);
const REQUIRED: DirectoryCsvColumn[] = ['name', 'country'];

/** The problem a failed field stands for. */
function problemOf(field: string, code: string): DirectoryImportProblem {
  switch (field) {
    case 'name':
      return code === 'too_big' ? 'too_long' : 'name_missing';
    case 'kind':
      return 'kind_invalid';
    case 'services':
      return 'service_invalid';
    case 'languages':
      return 'language_invalid';
    case 'country':
      return 'country_invalid';
    case 'latitude':
    case 'longitude':
      return 'coordinates_invalid';
    case 'website':
      return 'website_invalid';
    case 'email':
      return 'email_invalid';
    case 'lastCheckedOn':
      return 'date_invalid';
    default:
      return 'too_long';
  }
}

/** Checks one candidate entry against the same contract the admin form uses. */
function checkCandidate(line: number, candidate: Record<string, unknown>): CheckedRow {
  const name = typeof candidate.name === 'string' ? candidate.name.trim().slice(0, 200) : '';
  const parsed = DirectoryEntryBody.safeParse(candidate);
  const problems: DirectoryImportRow['problems'] = [];
  const seen = new Set<string>();
  const add = (problem: DirectoryImportProblem, field: string) => {
    if (seen.has(`${problem}:${field}`)) return;
    seen.add(`${problem}:${field}`);
    problems.push({ problem, field });
  };
  if (!parsed.success) {
    for (const issue of (parsed.error as z.ZodError).issues) {
      const field = String(issue.path[0] ?? 'name');
      add(problemOf(field, issue.code), field);
    }
  } else if ((parsed.data.latitude === null) !== (parsed.data.longitude === null)) {
    add('coordinates_invalid', parsed.data.latitude === null ? 'latitude' : 'longitude');
  }
  return { line, name, problems, entry: problems.length === 0 && parsed.success ? parsed.data : null };
}

const list = (cell: string) =>
  cell
    .split(/[|,]/)
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

const coordinate = (cell: string): number | null | string => {
  if (cell === '') return null;
  const n = Number(cell.replace(',', '.'));
  return Number.isFinite(n) ? n : cell;
};

/** A CSV row in the shape of DirectoryEntryBody, before checking. */
function candidateOfCells(cell: (column: DirectoryCsvColumn) => string): Record<string, unknown> {
  const orNull = (v: string) => (v === '' ? null : v);
  return {
    name: cell('name'),
    kind: cell('kind').toLowerCase() || 'other',
    services: list(cell('services')),
    languages: list(cell('languages')),
    country: cell('country'),
    city: cell('city'),
    region: cell('region'),
    address: cell('address'),
    latitude: coordinate(cell('latitude')),
    longitude: coordinate(cell('longitude')),
    email: orNull(cell('email')),
    phone: orNull(cell('phone')),
    website: orNull(cell('website')),
    openingHours: cell('opening_hours'),
    description: cell('description'),
    lastCheckedOn: orNull(cell('last_checked')),
  };
}

/**
 * Reads a directory CSV (UTF-8; comma, semicolon or tab separated; the header names the columns
 * of DIRECTORY_CSV_COLUMNS in any order) into checked rows. Throws CSV_EMPTY, CSV_INVALID,
 * CSV_COLUMNS_MISSING or CSV_TOO_MANY_ROWS for the file as a whole.
 */
export function readDirectoryCsv(bytes: Buffer): CheckedRow[] {
  const text = decodeCsvBytes(bytes);
  let records: ReturnType<typeof parseCsv>['records'];
  try {
    records = parseCsv(text, { maxRecords: DIRECTORY_IMPORT_MAX_ROWS + 1 }).records;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('CSV_INVALID', 400, { line: error.line });
    if (error instanceof CsvTooManyRecordsError)
      throw new AppError('CSV_TOO_MANY_ROWS', 400, { max: DIRECTORY_IMPORT_MAX_ROWS });
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw new AppError('CSV_EMPTY', 400);
  const index = new Map<DirectoryCsvColumn, number>();
  header.fields.forEach((h, i) => {
    const column = HEADER_TO_COLUMN.get(normaliseHeader(h));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new AppError('CSV_COLUMNS_MISSING', 400, { missing, header: header.fields.slice(0, 50) });
  if (data.length === 0) throw new AppError('CSV_EMPTY', 400);
  return data.map(({ line, fields }) => {
    const cell = (column: DirectoryCsvColumn) => {
      const i = index.get(column);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    return checkCandidate(line, candidateOfCells(cell));
  });
}

/** Reads a JSON import: an array of entries in the API's own shape (or `{ "entries": [...] }`). */
export function readDirectoryJson(body: unknown): CheckedRow[] {
  const items = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { entries?: unknown }).entries)
      ? (body as { entries: unknown[] }).entries
      : null;
  if (!items) throw new AppError('VALIDATION_FAILED', 400, { reason: 'an array of entries' });
  if (items.length === 0) throw new AppError('CSV_EMPTY', 400);
  if (items.length > DIRECTORY_IMPORT_MAX_ROWS)
    throw new AppError('CSV_TOO_MANY_ROWS', 400, { max: DIRECTORY_IMPORT_MAX_ROWS });
  const fields = new Set(Object.keys(DirectoryEntryBody.shape));
  return items.map((item, i) => {
    const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    // An export carries read-only fields (id, source, distance…): they are left out, not errors.
    const candidate = Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k)));
    return checkCandidate(i + 1, candidate);
  });
}

/** A cell as written to CSV: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=@]/.test(text) || /^[+-][^\d\s]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Entries as CSV (UTF-8 with a byte order mark so spreadsheets read the accents right). */
export function entriesToCsv(entries: DirectoryEntry[]): string {
  const lines = [DIRECTORY_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const values: Record<DirectoryCsvColumn, string | number | null> = {
      name: e.name,
      kind: e.kind,
      services: e.services.join('|'),
      languages: e.languages.join('|'),
      country: e.country,
      city: e.city,
      region: e.region,
      address: e.address,
      latitude: e.latitude,
      longitude: e.longitude,
      email: e.email,
      phone: e.phone,
      website: e.website,
      opening_hours: e.openingHours,
      description: e.description,
      last_checked: e.lastCheckedOn,
    };
    lines.push(DIRECTORY_CSV_COLUMNS.map((c) => csvCell(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
