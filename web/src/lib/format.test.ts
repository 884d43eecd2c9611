import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../common/locales.ts';
import { formatDate, formatMoment, formatNumber } from './format.ts';

const day = new Date(2026, 11, 5, 9, 30);

describe('dates and numbers in the UI language', () => {
  it('writes a day in the reader’s order, with the month in words where the language does', () => {
    expect(formatDate(day, 'en')).toBe('Dec 5, 2026');
    expect(formatDate(day, 'de')).toBe('05.12.2026');
    expect(formatDate(day, 'uk')).toMatch(/^5 груд\. 2026/);
    expect(formatDate('2026-12-05T09:30:00', 'pl')).toBe('5 gru 2026');
    for (const locale of LOCALES) expect(formatDate(day, locale)).not.toBe('12/5/26');
  });

  it('writes numbers with the reader’s decimal and grouping signs and digits', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'ar')).toBe(new Intl.NumberFormat('ar').format(1234.5));
    expect(formatNumber(2 / 3, 'it')).toBe('0,67');
    expect(formatNumber(66.6, 'pl', 0)).toBe('67');
  });

  it('shows the time alone for today, else the date and the time', () => {
    expect(formatMoment(day, 'de', new Date(2026, 11, 5, 18))).toBe('09:30');
    expect(formatMoment(day, 'de', new Date(2026, 11, 6))).toBe('05.12.2026, 09:30');
  });

  it('writes Persian and Urdu with their own digits, Persian dates in the Gregorian calendar', () => {
    expect(formatNumber(1234.5, 'fa')).toBe('۱٬۲۳۴٫۵');
    expect(formatNumber(1234.5, 'ur')).toMatch(/^۱.?۲۳۴.۵$/u);
    expect(formatNumber(1234.5, 'ur')).not.toMatch(/[0-9]/);
    // Persian digits, the Gregorian year and month (Intl's default for 'fa' is the Solar Hijri calendar).
    expect(formatDate(day, 'fa')).toContain('۲۰۲۶');
    expect(formatDate(day, 'fa')).toContain('دسامبر');
    expect(formatDate(day, 'ur')).toContain('۲۰۲۶');
    expect(formatDate(day, 'ur')).not.toMatch(/[0-9]/);
    expect(formatMoment(day, 'ur', new Date(2026, 11, 5, 18))).not.toMatch(/[0-9]/);
  });

  it('writes Pashto with its own digits in the Gregorian calendar (Intl’s default is the Solar Hijri one)', () => {
    expect(formatNumber(1234.5, 'ps')).toBe('۱٬۲۳۴٫۵');
    expect(formatDate(day, 'ps')).toBe('۲۰۲۶ دسمبر ۵');
  });
});
