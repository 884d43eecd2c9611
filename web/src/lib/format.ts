/**
 * Every date and number the web app shows outside a catalogue message goes through here, in the
 * UI language (i18next's language), never the browser's default: `toLocaleString()` without a
 * locale or a bare `{value}` would write "12/5/26" or "1234.5" to a German or Arabic reader.
 * Catalogue messages format with ICU (`{date, date, medium}`), which uses the same language.
 */

type DateInput = Date | string | number;
import { intlLocale } from '../../../common/locales.ts';

const asDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));

// Intl formatters are costly to build and a list formats many values: keep one per locale and style.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A calendar day as the UI language writes it, by default with the month in words ("Dec 5, 2026", "05.12.2026"). */
export function formatDate(
  value: DateInput,
  locale: string,
  style: 'medium' | 'long' | 'full' = 'medium',
): string {
  return cached(
    `d:${locale}:${style}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style }),
  ).format(asDate(value));
}

/** A moment as people read it: the time today, else the date and time, in the UI language. */
export function formatMoment(value: DateInput, locale: string, now = new Date()): string {
  const date = asDate(value);
  const sameDay = date.toDateString() === now.toDateString();
  const style = sameDay ? 'time' : 'moment';
  return cached(
    `m:${locale}:${style}`,
    () =>
      new Intl.DateTimeFormat(
        intlLocale(locale),
        sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
      ),
  ).format(date);
}

/** A number with the UI language's digits, decimal and grouping signs ("1.234,5" in German). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return cached(
    `n:${locale}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }),
  ).format(value);
}
