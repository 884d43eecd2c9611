import { Email } from '../../../common/contracts/auth.ts';
import { type ImportProblem, type ImportWarning, MOOC_CSV_MAX_ROWS } from '../../../common/contracts/mooc.ts';
import { AppError } from '../../errors.ts';
import { CsvSyntaxError, CsvTooManyRecordsError, parseCsv } from './csv.ts';

/** One data row of a graduates file, checked on its own (problems that need the database come later). */
export interface GraduateCsvRow {
  line: number;
  name: string;
  email: string;
  completedOn: string | null;
  language: string | null;
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

export interface GraduateCsv {
  columns: { name: string[]; email: string; completedOn: string | null; language: string | null };
  rows: GraduateCsvRow[];
}

type Column = 'email' | 'name' | 'firstName' | 'lastName' | 'completion' | 'completedOn' | 'language';

/** Header spellings seen in Moodle, spreadsheet and form exports, folded by normaliseHeader. */
const HEADER_ALIASES: Record<Column, string[]> = {
  email: ['email', 'emailaddress', 'emailadresse', 'mail', 'mailadresse', 'emailadress', 'indirizzoemail'],
  name: ['name', 'fullname', 'vollstandigername', 'nameteilnehmer', 'teilnehmer', 'teilnehmerin', 'nome'],
  firstName: ['firstname', 'givenname', 'vorname', 'nomeproprio', 'imie'],
  lastName: ['lastname', 'surname', 'familyname', 'nachname', 'familienname', 'cognome', 'nazwisko'],
  // Moodle's course completion report, in the partners' languages: its column holds the date for
  // those who completed the course and nothing for those who did not.
  completion: [
    'Course complete',
    'Course completed',
    'Kurs abschließen',
    'Kurs abgeschlossen',
    'Corso completato',
    'Completamento corso',
    'Kurs ukończony',
    'Ukończenie kursu',
    'Ολοκλήρωση μαθήματος',
    'Το μάθημα ολοκληρώθηκε',
    'اكتمل المقرر',
    'إكمال المقرر',
    'المقرر الدراسي مكتمل',
    'Курс завершено',
    'Завершення курсу',
  ],
  completedOn: [
    'completiondate',
    'completedon',
    'completed',
    'datecompleted',
    'timecompleted',
    'abschlussdatum',
    'abgeschlossenam',
    'abgeschlossen',
    'abschluss',
    'kursabschluss',
    'datum',
    'date',
  ],
  language: ['language', 'lang', 'preferredlanguage', 'sprache', 'bevorzugtesprache', 'lingua', 'jezyk'],
};

/**
 * "E-Mail-Adresse" → "emailadresse", "Vollständiger Name" → "vollstandigername", "Kurs abschließen"
 * → "kursabschliessen"; letters of every script stay ("Курс завершено" → "курсзавершено").
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const ALIASES = Object.entries(HEADER_ALIASES).map(
  ([column, aliases]) => [column as Column, new Set(aliases.map(normaliseHeader))] as const,
);

function findColumns(header: string[]) {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const key = normaliseHeader(cell);
    for (const [column, aliases] of ALIASES) {
      if (found[column] === undefined && aliases.has(key)) found[column] = index;
    }
  });
  return found;
}

const MONTHS = new Map(
  [
    ['january', 'januar', 'jan'],
    ['february', 'februar', 'feb'],
    ['march', 'marz', 'mar'],
    ['april', 'apr'],
    ['may', 'mai'],
    ['june', 'juni', 'jun'],
    ['july', 'juli', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oktober', 'oct', 'okt'],
    ['november', 'nov'],
    ['december', 'dezember', 'dec', 'dez'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a completion date as exports write it: 2025-03-14 (with or without a time), 14.03.2025,
 * 14/03/2025 (day first, as in Europe), Moodle's short forms with a two-digit year in every
 * partner language ("14/03/25, 10:15" in English, "14.03.25, 10:15" in German, Polish and
 * Ukrainian, "14/03/25, 10:15" in Italian, Greek and Arabic) or its long form "Friday, 14 March
 * 2025, 10:15 AM". Two-digit years are of this century (course completions are recent).
 */
export function parseCompletionDate(value: string): string | undefined {
  const v = value.trim();
  let m = v.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = v.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:,?\s.*)?$/);
  if (m) {
    const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDate(year, Number(m[2]), Number(m[1]));
  }
  m = normaliseHeaderKeepSpaces(v).match(/(?:^|\s)(\d{1,2})\.?\s+([a-z]+)\s+(\d{4})(?:\s|$)/);
  if (m) {
    const month = MONTHS.get(m[2] as string);
    if (month) return isoDate(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

function normaliseHeaderKeepSpaces(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[,]/g, ' ');
}

/** "de", "DE", "de-AT", "de_DE" → "de"; anything else is unknown. */
function parseLanguage(value: string): string | undefined {
  const m = value
    .trim()
    .toLowerCase()
    .match(/^([a-z]{2})(?:[-_][a-z0-9]+)?$/);
  return m?.[1];
}

/** Decodes the uploaded bytes as UTF-8 (BOM or not); anything else is not a file we can read. */
export function decodeCsvBytes(bytes: Buffer): string {
  if (bytes.length === 0) throw new AppError('CSV_EMPTY', 400);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('CSV_INVALID', 400, { reason: 'encoding' });
  }
  // NUL bytes do not occur in text files (a spreadsheet saved as .xlsx, a PDF, an image…).
  if (text.includes('\u0000')) throw new AppError('CSV_INVALID', 400, { reason: 'binary' });
  return text;
}

/**
 * Parses a graduates file into rows with the problems each has on its own (missing or invalid
 * address or name, bad date, a second row for the same address). Throws CSV_EMPTY,
 * CSV_INVALID, CSV_COLUMNS_MISSING or CSV_TOO_MANY_ROWS for files that cannot be used at all.
 */
export function readGraduateCsv(text: string): GraduateCsv {
  let records: ReturnType<typeof parseCsv>['records'];
  try {
    records = parseCsv(text, { maxRecords: MOOC_CSV_MAX_ROWS + 1 }).records;
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new AppError('CSV_INVALID', 400, { reason: 'syntax', line: error.line });
    }
    if (error instanceof CsvTooManyRecordsError) {
      throw new AppError('CSV_TOO_MANY_ROWS', 413, { max: MOOC_CSV_MAX_ROWS }, { max: MOOC_CSV_MAX_ROWS });
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw new AppError('CSV_EMPTY', 400);
  const found = findColumns(header.fields);
  const nameColumns =
    found.name !== undefined
      ? [found.name]
      : [found.firstName, found.lastName].filter((i): i is number => i !== undefined);
  const missing = [
    ...(found.email === undefined ? ['email'] : []),
    ...(nameColumns.length === 0 ? ['name'] : []),
  ];
  if (found.email === undefined || missing.length > 0) {
    throw new AppError('CSV_COLUMNS_MISSING', 400, { missing, header: header.fields.slice(0, 50) });
  }
  if (data.length === 0) throw new AppError('CSV_EMPTY', 400);
  const emailColumn = found.email;
  const completionReport = found.completion !== undefined;
  const dateColumn = found.completion ?? found.completedOn;
  const cell = (fields: string[], index: number | undefined) =>
    index === undefined ? '' : (fields[index] ?? '').trim();

  const seen = new Set<string>();
  const rows = data.map(({ line, fields }): GraduateCsvRow => {
    const problems: ImportProblem[] = [];
    const warnings: ImportWarning[] = [];
    const name = nameColumns
      .map((i) => cell(fields, i))
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/g, ' ');
    const rawEmail = cell(fields, emailColumn);
    const parsedEmail = Email.safeParse(rawEmail);
    const email = parsedEmail.success ? parsedEmail.data : rawEmail;
    if (!rawEmail) problems.push('email_missing');
    else if (!parsedEmail.success) problems.push('email_invalid');
    else if (seen.has(email)) problems.push('duplicate_in_file');
    else seen.add(email);
    if (!name) problems.push('name_missing');
    const rawDate = cell(fields, dateColumn);
    const completedOn = rawDate ? (parseCompletionDate(rawDate) ?? null) : null;
    // In a completion report an empty cell (Moodle writes nothing or a dash) means not completed.
    if (completionReport && (rawDate === '' || rawDate === '-')) problems.push('not_completed');
    else if (rawDate && !completedOn) problems.push('date_invalid');
    const rawLanguage = cell(fields, found.language);
    const language = rawLanguage ? (parseLanguage(rawLanguage) ?? null) : null;
    if (rawLanguage && !language) warnings.push('language_unknown');
    return { line, name: name.slice(0, 200), email, completedOn, language, problems, warnings };
  });
  const headerName = (i: number | undefined) => (i === undefined ? null : (header.fields[i] ?? '').trim());
  return {
    columns: {
      name: nameColumns.map((i) => headerName(i) ?? ''),
      email: headerName(emailColumn) ?? '',
      completedOn: headerName(dateColumn),
      language: headerName(found.language),
    },
    rows,
  };
}
