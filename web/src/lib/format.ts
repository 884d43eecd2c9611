/**
 * Every date and number the web app shows outside a catalogue message goes through here, in the
 * UI language (i18next's language), never the browser's default: `toLocaleString()` without a
 * locale or a bare `{value}` would write "12/5/26" or "1234.5" to a German or Arabic reader.
 * Catalogue messages format with ICU (`{date, date, medium}`), which uses the same language.
 * The formatters come from common/intl-fallback.ts, which writes Pashto, Somali and Tigrinya from
 * its own tables when the browser's Intl lacks them (Chromium's does), and keeps one per style.
 */

type DateInput = Date | string | number;

import { dateTimeFormat, numberFormat } from '../../../common/intl-fallback.ts';

const asDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));

/** A calendar day as the UI language writes it, by default with the month in words ("Dec 5, 2026", "05.12.2026"). */
export function formatDate(
  value: DateInput,
  locale: string,
  style: 'medium' | 'long' | 'full' = 'medium',
): string {
  return dateTimeFormat(locale, { dateStyle: style }).format(asDate(value));
}

/** A moment as people read it: the time today, else the date and time, in the UI language. */
export function formatMoment(value: DateInput, locale: string, now = new Date()): string {
  const date = asDate(value);
  const sameDay = date.toDateString() === now.toDateString();
  return dateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
}

/** A number with the UI language's digits, decimal and grouping signs ("1.234,5" in German). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A share in whole percent, as the UI language writes it ("45 %" in German); `percent` is 0–100. */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
