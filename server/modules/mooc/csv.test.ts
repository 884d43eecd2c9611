import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTooManyRecordsError, detectDelimiter, parseCsv } from './csv.ts';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain comma-separated text with LF, CRLF and CR line ends', () => {
    expect(fields('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(fields('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('strips a UTF-8 byte order mark and keeps umlauts and other scripts', () => {
    const table = parseCsv('\uFEFFVorname;Nachname\nJürgen;Müßig-Öztürk\nΕλένη;Шевченко\n');
    expect(table.delimiter).toBe(';');
    expect(table.records.map((r) => r.fields)).toEqual([
      ['Vorname', 'Nachname'],
      ['Jürgen', 'Müßig-Öztürk'],
      ['Ελένη', 'Шевченко'],
    ]);
  });

  it('detects semicolons, tabs and commas, ignoring separators inside quotes', () => {
    expect(detectDelimiter('"Name, full";E-Mail\nx;y')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a;b,c,d\n')).toBe(',');
    expect(detectDelimiter('\n\n  \nName;Mail\n')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', () => {
    const table = parseCsv('name,note\r\n"Doe, Jane","said ""hi""\r\nand left",x\n"",""\n');
    expect(table.records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Doe, Jane', 'said "hi"\r\nand left', 'x'] },
      { line: 4, fields: ['', ''] },
    ]);
  });

  it('skips blank lines and reports the line each record starts on', () => {
    const table = parseCsv('\n\na;b\n\n   \n1;2\r\n\r\n3;4\n\n');
    expect(table.records).toEqual([
      { line: 3, fields: ['a', 'b'] },
      { line: 6, fields: ['1', '2'] },
      { line: 8, fields: ['3', '4'] },
    ]);
  });

  it('keeps empty fields and a last line without a line end', () => {
    expect(fields('a,,c\n,,\nx')).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
  });

  it('keeps a quote in the middle of an unquoted field, and text after a closing quote', () => {
    expect(fields('O"Brien,x\n"quoted"tail,y')).toEqual([
      ['O"Brien', 'x'],
      ['quotedtail', 'y'],
    ]);
  });

  it('names the line of a quoted field that never closes', () => {
    try {
      parseCsv('a,b\n1,2\n"open,3\n4,5\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('stops at the record limit', () => {
    expect(() => parseCsv('a\nb\nc\n', { maxRecords: 2 })).toThrow(CsvTooManyRecordsError);
    expect(parseCsv('a\nb\n\n\n', { maxRecords: 2 }).records).toHaveLength(2);
  });

  it('returns nothing for empty or blank input', () => {
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('\uFEFF\r\n\n').records).toEqual([]);
  });
});
