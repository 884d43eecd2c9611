import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOOC_CSV_MAX_ROWS } from '../../../common/contracts/mooc.ts';
import { AppError } from '../../errors.ts';
import { decodeCsvBytes, normaliseHeader, parseCompletionDate, readGraduateCsv } from './graduate-csv.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe('graduates file', () => {
  it('reads a German spreadsheet export: BOM, semicolons, first and last name, CRLF, umlauts', () => {
    const text =
      '\uFEFFVorname;Nachname;E-Mail-Adresse;Abschlussdatum;Sprache\r\n' +
      'Jürgen;Müller;Juergen.Mueller@Example.org;14.03.2025;de\r\n' +
      '\r\n' +
      'Ayşe;Öztürk;ayse@example.org;2025-03-15;TR\r\n';
    const csv = readGraduateCsv(text);
    expect(csv.columns).toEqual({
      name: ['Vorname', 'Nachname'],
      email: 'E-Mail-Adresse',
      completedOn: 'Abschlussdatum',
      language: 'Sprache',
    });
    expect(csv.rows).toEqual([
      {
        line: 2,
        name: 'Jürgen Müller',
        email: 'juergen.mueller@example.org',
        completedOn: '2025-03-14',
        language: 'de',
        problems: [],
        warnings: [],
      },
      {
        line: 4,
        name: 'Ayşe Öztürk',
        email: 'ayse@example.org',
        completedOn: '2025-03-15',
        language: 'tr',
        problems: [],
        warnings: [],
      },
    ]);
  });

  it('reads a Moodle-style comma export with quoted names holding commas and line breaks', () => {
    const text = [
      'Full name,Email address,Course complete,Preferred language',
      '"Doe, Jane",jane@example.org,"Friday, 14 March 2025, 10:15 AM",en-GB',
      '"Smith\nJohn",john@example.org,,',
    ].join('\n');
    const csv = readGraduateCsv(text);
    expect(csv.rows.map((r) => [r.name, r.email, r.completedOn, r.language])).toEqual([
      ['Doe, Jane', 'jane@example.org', '2025-03-14', 'en'],
      ['Smith John', 'john@example.org', null, null],
    ]);
  });

  it('lists every row with its own problems', () => {
    const text = [
      'Name;E-Mail;Datum;Sprache',
      'Anna;anna@example.org;01.02.2025;de',
      ';nobody@example.org;;',
      'Bad;not-an-address;;',
      'Empty;;;',
      'Anna again;ANNA@example.org;;',
      'Late;late@example.org;31.02.2025;',
      'Odd;odd@example.org;;Deutsch',
    ].join('\n');
    const rows = readGraduateCsv(text).rows;
    expect(rows.map((r) => [r.line, r.problems, r.warnings])).toEqual([
      [2, [], []],
      [3, ['name_missing'], []],
      [4, ['email_invalid'], []],
      [5, ['email_missing'], []],
      [6, ['duplicate_in_file'], []],
      [7, ['date_invalid'], []],
      [8, [], ['language_unknown']],
    ]);
  });

  it('refuses files it cannot use with a clear code', () => {
    expect(codeOf(() => readGraduateCsv(''))).toBe('CSV_EMPTY');
    expect(codeOf(() => readGraduateCsv('\uFEFF\n\n'))).toBe('CSV_EMPTY');
    expect(codeOf(() => readGraduateCsv('Name;E-Mail\n\n'))).toBe('CSV_EMPTY');
    expect(codeOf(() => readGraduateCsv('Hello world,this is prose\nnot, a list'))).toBe(
      'CSV_COLUMNS_MISSING',
    );
    expect(codeOf(() => readGraduateCsv('E-Mail\nx@example.org'))).toBe('CSV_COLUMNS_MISSING');
    expect(codeOf(() => readGraduateCsv('Name,Email\n"open,x@example.org\n'))).toBe('CSV_INVALID');
    const huge = `Name,Email\n${'A,a@example.org\n'.repeat(MOOC_CSV_MAX_ROWS + 1)}`;
    expect(codeOf(() => readGraduateCsv(huge))).toBe('CSV_TOO_MANY_ROWS');
    const justRight = `Name,Email\n${'A,a@example.org\n'.repeat(MOOC_CSV_MAX_ROWS)}`;
    expect(readGraduateCsv(justRight).rows).toHaveLength(MOOC_CSV_MAX_ROWS);
  });

  it('decodes UTF-8 bytes and refuses other encodings and binary files', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFFName;E-Mail\nJörg;j@example.org', 'utf8'))).toContain('Jörg');
    expect(codeOf(() => decodeCsvBytes(Buffer.alloc(0)))).toBe('CSV_EMPTY');
    // "Jörg" in Latin-1: the ö is a lone 0xF6 byte, invalid in UTF-8.
    expect(codeOf(() => decodeCsvBytes(Buffer.from('Name;E-Mail\nJ\xf6rg;j@example.org', 'latin1')))).toBe(
      'CSV_INVALID',
    );
    expect(codeOf(() => decodeCsvBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toBe(
      'CSV_INVALID',
    );
  });

  it('normalises headers and dates as exports write them', () => {
    expect(normaliseHeader(' E-Mail-Adresse ')).toBe('emailadresse');
    expect(normaliseHeader('Vollständiger Name')).toBe('vollstandigername');
    expect(parseCompletionDate('2025-03-14T10:00:00Z')).toBe('2025-03-14');
    expect(parseCompletionDate('1.3.2025')).toBe('2025-03-01');
    expect(parseCompletionDate('14/03/2025')).toBe('2025-03-14');
    expect(parseCompletionDate('14. März 2025')).toBe('2025-03-14');
    expect(parseCompletionDate('2025-02-30')).toBeUndefined();
    expect(parseCompletionDate('yesterday')).toBeUndefined();
  });
});

describe("Moodle's own course completion reports", () => {
  const fixture = (name: string) =>
    decodeCsvBytes(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

  it('reads the English report: two-digit years, completers with their date, the others marked', () => {
    const csv = readGraduateCsv(fixture('moodle-completion-en.csv'));
    expect(csv.columns.completedOn).toBe('Course complete');
    expect(csv.rows.map((r) => [r.email, r.completedOn, r.problems])).toEqual([
      ['mira.sample@example.org', '2025-03-14', []],
      ['tomasz.f@example.org', '2025-03-15', []],
      ['leila.e@example.org', null, ['not_completed']],
      ['oksana.t@example.org', '2025-04-02', []],
    ]);
  });

  it('recognises the German completion column "Kurs abschließen"', () => {
    const csv = readGraduateCsv(fixture('moodle-completion-de.csv'));
    expect(csv.columns.completedOn).toBe('Kurs abschließen');
    expect(csv.rows.map((r) => [r.name, r.completedOn, r.problems])).toEqual([
      ['Jonas Beispiel', '2025-03-14', []],
      ['Eleni Muster', null, ['not_completed']],
      ['Ahmad Probe', '2025-03-21', []],
    ]);
  });

  it('recognises the completion column in the partners’ languages', () => {
    for (const header of [
      'Course complete',
      'Kurs abschließen',
      'Corso completato',
      'Kurs ukończony',
      'Ολοκλήρωση μαθήματος',
      'اكتمل المقرر',
      'Курс завершено',
    ]) {
      const csv = readGraduateCsv(
        `Name,Email,${header}\nA B,a@example.org,"01/02/25, 10:00"\nC D,c@example.org,\n`,
      );
      expect(csv.columns.completedOn, header).toBe(header);
      expect(csv.rows.map((r) => r.problems)).toEqual([[], ['not_completed']]);
    }
  });

  it('reads Moodle’s short date forms with two-digit years', () => {
    expect(parseCompletionDate('14/03/25, 10:15')).toBe('2025-03-14');
    expect(parseCompletionDate('14.03.25, 10:15')).toBe('2025-03-14');
    expect(parseCompletionDate('31/02/25, 10:15')).toBeUndefined();
  });
});
