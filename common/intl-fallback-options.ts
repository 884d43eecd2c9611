/**
 * Every date option set the web app formats with, for the languages the browser may lack
 * (common/intl-fallback.ts): the tables hold a pattern for each. A new option set in the app needs
 * a line here and `npx tsx scripts/write-intl-fallback.ts`; without it that one format falls back to
 * the runtime's Intl (English in Debian's Chromium).
 */
export const FALLBACK_DATE_OPTIONS: readonly Intl.DateTimeFormatOptions[] = [
  // web/src/lib/format.ts, features/activities, features/events
  { dateStyle: 'medium' },
  { dateStyle: 'long' },
  { dateStyle: 'full' },
  { timeStyle: 'short' },
  { dateStyle: 'medium', timeStyle: 'short' },
  { dateStyle: 'full', timeStyle: 'short' },
  // features/events: the short form for lists
  { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  // features/network-health: the chart's axis
  { day: 'numeric', month: 'short' },
  // features/help, and ICU's `{x, date, long}` (intl-messageformat's named formats below)
  { day: 'numeric', month: 'long', year: 'numeric' },
  { month: 'numeric', day: 'numeric', year: '2-digit' },
  { month: 'short', day: 'numeric', year: 'numeric' },
  { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  { hour: 'numeric', minute: 'numeric' },
  { hour: 'numeric', minute: 'numeric', second: 'numeric' },
];

/** The option sets the app formats ranges with (features/events: an occurrence from start to end). */
export const FALLBACK_RANGE_OPTIONS: readonly Intl.DateTimeFormatOptions[] = [
  { dateStyle: 'full', timeStyle: 'short' },
];

/** The languages with tables. */
export const FALLBACK_LOCALES = ['ps', 'so', 'ti'] as const;
