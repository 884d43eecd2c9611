/**
 * A small RFC 4180 reader for the files people really have: UTF-8 with or without a byte order
 * mark, comma, semicolon or tab separated (spreadsheets in German, Italian or Polish locales
 * write semicolons), CRLF, LF or CR line ends, quoted fields holding separators, quotes ("") and
 * line breaks, and blank lines anywhere.
 */

export interface CsvRecord {
  /** The line of the file the record starts on (1-based), for messages about it. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The separator used most in the first non-blank line, ignoring quoted parts; comma on a tie. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seenContent) break;
    } else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c.trim()) seenContent = true;
  }
  let best: CsvTable['delimiter'] = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Splits CSV text into records of fields. Blank lines are skipped; a field opened with a quote
 * must be closed, else CsvSyntaxError names the line it started on. Text after a closing quote
 * is kept (lenient, as spreadsheets are when they read such files).
 */
export function parseCsv(input: string, options: { maxRecords?: number } = {}): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const sep = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    fields.push(field);
    field = '';
    const blank = fields.length === 1 && fields[0]?.trim() === '';
    if (!blank) {
      if (records.length >= max) throw new CsvTooManyRecordsError(max);
      records.push({ line: recordLine, fields });
    }
    fields = [];
  };

  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */ && field === '') {
      // Quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      i++;
      let closed = false;
      let chunkStart = i;
      while (i < n) {
        const q = text.charCodeAt(i);
        if (q === 34) {
          field += text.slice(chunkStart, i);
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 2;
            chunkStart = i;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === 10 || (q === 13 && text.charCodeAt(i + 1) !== 10)) line++;
        i++;
      }
      if (!closed) throw new CsvSyntaxError('unterminated quoted field', startLine);
      continue;
    }
    if (code === sep) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (code === 10 || code === 13) {
      endRecord();
      i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Plain run up to the next separator, quote or line end.
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === sep || c === 10 || c === 13 || c === 34) break;
      j++;
    }
    // A quote in the middle of an unquoted field is kept as it is.
    if (j < n && text.charCodeAt(j) === 34) j++;
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records };
}

export class CsvTooManyRecordsError extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} records`);
    this.name = 'CsvTooManyRecordsError';
  }
}
