import { describe, expect, it } from 'vitest';
import ps from '../common/intl-fallback/ps.data.ts';
import so from '../common/intl-fallback/so.data.ts';
import ti from '../common/intl-fallback/ti.data.ts';
import {
  dateTimeFormat,
  FallbackDateTimeFormat,
  FallbackNumberFormat,
  type LocaleFormatData,
  numberFormat,
} from '../common/intl-fallback.ts';
import {
  FALLBACK_DATE_OPTIONS,
  FALLBACK_LOCALES,
  FALLBACK_RANGE_OPTIONS,
} from '../common/intl-fallback-options.ts';
import { intlLocale } from '../common/locales.ts';
import { buildFallbackData } from './intl-fallback-data.ts';

const committed: Record<(typeof FALLBACK_LOCALES)[number], LocaleFormatData> = { ps, so, ti };
const ZONES = [undefined, 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kabul'];
const HOUR = 3_600_000;

// Every month (on the 15th) and every weekday (the first days of June), each at several hours.
const SAMPLES = [
  ...Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 15, 8, 7)),
  ...Array.from({ length: 7 }, (_, d) => Date.UTC(2027, 5, 1 + d, 21, 59)),
].flatMap((at) => [at, at + 4 * HOUR + 3 * 60_000, at + 13 * HOUR, at - 8 * HOUR]);

describe.each(FALLBACK_LOCALES)('the %s tables', (locale) => {
  const tag = intlLocale(locale);
  const data = committed[locale];

  it('are what this ICU says (regenerate with `npx tsx scripts/write-intl-fallback.ts`)', () => {
    expect(buildFallbackData(locale)).toEqual(data);
  });

  it.each(FALLBACK_DATE_OPTIONS)('format dates as ICU does: %o', (options) => {
    for (const timeZone of ZONES) {
      const withZone = { ...options, ...(timeZone && { timeZone }) };
      const icu = new Intl.DateTimeFormat(tag, withZone);
      const fallback = new FallbackDateTimeFormat(tag, withZone, data);
      for (const at of SAMPLES) {
        expect(fallback.format(at), `${new Date(at).toISOString()} in ${timeZone}`).toBe(icu.format(at));
        expect(fallback.formatToParts(at)).toEqual(icu.formatToParts(at));
      }
    }
  });

  it.each(FALLBACK_RANGE_OPTIONS)('format ranges as ICU does: %o', (options) => {
    const lengths = [
      0,
      60_000,
      30 * 60_000,
      2 * HOUR,
      5 * HOUR,
      11 * HOUR,
      26 * HOUR,
      20 * 24 * HOUR,
      300 * 24 * HOUR,
    ];
    for (const timeZone of ZONES) {
      const withZone = { ...options, ...(timeZone && { timeZone }) };
      const icu = new Intl.DateTimeFormat(tag, withZone);
      const fallback = new FallbackDateTimeFormat(tag, withZone, data);
      for (const start of SAMPLES)
        for (const length of lengths)
          expect(
            fallback.formatRange(start, start + length),
            `${new Date(start).toISOString()} +${length}`,
          ).toBe(icu.formatRange(start, start + length));
    }
  });

  it('formats numbers as ICU does', () => {
    const values = [0, 7, -1, 0.25, 12.5, 1234.5, -1234567.891, 1e9, 99.999];
    const optionSets: Intl.NumberFormatOptions[] = [
      {},
      { maximumFractionDigits: 0 },
      { maximumFractionDigits: 2 },
      { style: 'percent', maximumFractionDigits: 0 },
    ];
    for (const options of optionSets) {
      const icu = new Intl.NumberFormat(tag, options);
      const fallback = new FallbackNumberFormat(tag, options, data);
      for (const value of values)
        expect(fallback.format(value), `${value} ${JSON.stringify(options)}`).toBe(icu.format(value));
    }
  });
});

describe('choosing the formatter', () => {
  it('keeps the runtime Intl when it has the language (Node has full ICU)', () => {
    for (const locale of ['en', 'de', ...FALLBACK_LOCALES]) {
      expect(dateTimeFormat(locale, { dateStyle: 'medium' })).not.toBeInstanceOf(FallbackDateTimeFormat);
      expect(numberFormat(locale)).not.toBeInstanceOf(FallbackNumberFormat);
    }
  });

  it('writes Pashto dates in the Gregorian calendar with its own digits', () => {
    expect(dateTimeFormat('ps', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 5))).toBe(
      '۲۰۲۶ دسمبر ۵',
    );
  });
});
