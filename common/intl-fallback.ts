/**
 * Dates and numbers for languages whose data the browser's Intl lacks. Debian's Chromium ships an ICU
 * without Pashto, Somali and Tigrinya: `new Intl.DateTimeFormat('ti')` silently formats in English.
 * For those languages this module formats from tables taken from a full ICU
 * (scripts/write-intl-fallback.ts writes common/intl-fallback/<locale>.data.ts): the patterns and
 * names are the language's own, the numbers come from the date itself in the asked time zone.
 * `dateTimeFormat` / `numberFormat` are the one place that decides between Intl and the tables.
 */

import type {
  DateField,
  FieldPart,
  HourCycle,
  LocaleFormatData,
  PatternPart,
  RangeStep,
} from './intl-fallback.types.ts';
import { intlLocale } from './locales.ts';

export type { LocaleFormatData } from './intl-fallback.types.ts';

/** The key of an option set in the tables: its options without the time zone, in a fixed order. */
export function optionsKey(options: Intl.DateTimeFormatOptions = {}): string {
  const entries = Object.entries(options)
    .filter(([name, value]) => name !== 'timeZone' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.map(([name, value]) => `${name}=${value}`).join(',');
}

interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const fieldReaders = new Map<string, Intl.DateTimeFormat>();
/** The date's fields in a time zone (the reader's when none is given), read through English Intl. */
function fieldsOf(date: Date, timeZone: string | undefined): Fields {
  const key = timeZone ?? '';
  let reader = fieldReaders.get(key);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    fieldReaders.set(key, reader);
  }
  const out: Fields = { year: 0, month: 1, day: 1, weekday: 0, hour: 0, minute: 0, second: 0 };
  for (const part of reader.formatToParts(date)) {
    if (part.type === 'weekday') out.weekday = WEEKDAYS.indexOf(part.value);
    else if (part.type in out) out[part.type as keyof Fields] = Number(part.value);
  }
  return out;
}

function withDigits(text: string, digits: string | undefined): string {
  return digits ? text.replace(/[0-9]/g, (d) => digits[Number(d)] ?? d) : text;
}

function hourIn(hour: number, cycle: HourCycle | undefined): number {
  switch (cycle) {
    case 'h11':
      return hour % 12;
    case 'h12':
      return hour % 12 || 12;
    case 'h24':
      return hour || 24;
    default:
      return hour;
  }
}

function fieldText(part: FieldPart, fields: Fields, data: LocaleFormatData): string {
  const width = part.w ?? 'numeric';
  const number = (n: number) =>
    withDigits(width === '2-digit' ? String(n % 100).padStart(2, '0') : String(n), data.digits);
  switch (part.f) {
    case 'year':
      return width === '2-digit' ? number(fields.year) : withDigits(String(fields.year), data.digits);
    case 'month':
      return width === 'numeric' || width === '2-digit'
        ? number(fields.month)
        : (data.months[width]?.[fields.month - 1] ?? String(fields.month));
    case 'weekday':
      return (
        data.weekdays[width === 'numeric' || width === '2-digit' ? 'long' : width]?.[fields.weekday] ?? ''
      );
    case 'day':
      return number(fields.day);
    case 'hour':
      return number(hourIn(fields.hour, part.c));
    case 'minute':
      return number(fields.minute);
    case 'second':
      return number(fields.second);
    case 'dayPeriod':
      return data.dayPeriods[fields.hour < 12 ? 0 : 1];
  }
}

const PART_TYPES: Record<DateField, Intl.DateTimeFormatPartTypes> = {
  year: 'year',
  month: 'month',
  day: 'day',
  weekday: 'weekday',
  hour: 'hour',
  minute: 'minute',
  second: 'second',
  dayPeriod: 'dayPeriod',
};

/**
 * The parts as one string, as V8 writes it: its format() turns ICU's narrow no-break space (before
 * "AM") into a plain space, for pages that parse the text; formatToParts and most ranges keep it.
 */
function joined(parts: readonly Intl.DateTimeFormatPart[]): string {
  return parts
    .map((p) => p.value)
    .join('')
    .replaceAll('\u202f', ' ');
}

type RangePart = Intl.DateTimeFormatPart & { source: 'startRange' | 'endRange' | 'shared' };

function rangeStep(a: Fields, b: Fields): RangeStep | undefined {
  if (a.year !== b.year) return 'year';
  if (a.month !== b.month) return 'month';
  if (a.day !== b.day) return 'day';
  if (a.hour < 12 !== b.hour < 12) return 'ampm';
  if (a.hour !== b.hour) return 'hour';
  if (a.minute !== b.minute) return 'minute';
  return undefined;
}

/**
 * Intl.DateTimeFormat for a language the runtime lacks, from the language's tables. An English
 * Intl.DateTimeFormat underneath keeps every other method and checks the options.
 */
export class FallbackDateTimeFormat extends Intl.DateTimeFormat {
  readonly #tag: string;
  readonly #pattern: PatternPart[];
  readonly #ranges: Partial<Record<RangeStep, PatternPart[]>>;
  readonly #data: LocaleFormatData;
  readonly #timeZone: string | undefined;

  constructor(tag: string, options: Intl.DateTimeFormatOptions | undefined, data: LocaleFormatData) {
    super('en', options);
    const pattern = data.patterns[optionsKey(options)];
    if (!pattern) throw new RangeError(`No ${tag} pattern for ${optionsKey(options)}`);
    this.#tag = tag;
    this.#pattern = pattern;
    this.#ranges = data.ranges[optionsKey(options)] ?? {};
    this.#data = data;
    this.#timeZone = options?.timeZone;
  }

  override format(date?: Date | number): string {
    return joined(this.formatToParts(date));
  }

  override formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    const fields = fieldsOf(new Date(date ?? Date.now()), this.#timeZone);
    return this.#pattern.map((part) =>
      typeof part === 'string'
        ? { type: 'literal', value: part }
        : { type: PART_TYPES[part.f], value: fieldText(part, fields, this.#data) },
    );
  }

  override formatRange(start: Date | number | bigint, end: Date | number | bigint): string {
    const parts = this.formatRangeToParts(start, end);
    // V8 writes a range of one moment as format() does, and keeps the narrow space in the others.
    return parts.every((p) => p.source === 'shared') ? joined(parts) : parts.map((p) => p.value).join('');
  }

  override formatRangeToParts(start: Date | number | bigint, end: Date | number | bigint): RangePart[] {
    const from = fieldsOf(new Date(Number(start)), this.#timeZone);
    const to = fieldsOf(new Date(Number(end)), this.#timeZone);
    const step = rangeStep(from, to);
    const pattern = step && this.#ranges[step];
    if (!pattern) {
      const single = this.formatToParts(Number(start)).map((p) => ({ ...p, source: 'shared' as const }));
      if (!step) return single;
      // No range pattern for this step: both dates in full, as ICU's fallback writes them.
      const second = this.formatToParts(Number(end)).map((p) => ({ ...p, source: 'endRange' as const }));
      return [
        ...single.map((p) => ({ ...p, source: 'startRange' as const })),
        { type: 'literal', value: ' – ', source: 'shared' },
        ...second,
      ];
    }
    return pattern.map((part): RangePart => {
      if (typeof part === 'string') return { type: 'literal', value: part, source: 'shared' };
      const fields = part.s === 'end' ? to : from;
      const source = part.s === 'end' ? 'endRange' : part.s === 'start' ? 'startRange' : 'shared';
      return { type: PART_TYPES[part.f], value: fieldText(part, fields, this.#data), source };
    });
  }

  override resolvedOptions(): Intl.ResolvedDateTimeFormatOptions {
    return { ...super.resolvedOptions(), locale: this.#tag };
  }
}

/** Intl.NumberFormat for a language the runtime lacks: English's layout with the language's digits and signs. */
export class FallbackNumberFormat extends Intl.NumberFormat {
  readonly #tag: string;
  readonly #data: LocaleFormatData;

  constructor(tag: string, options: Intl.NumberFormatOptions | undefined, data: LocaleFormatData) {
    super('en', options);
    this.#tag = tag;
    this.#data = data;
  }

  override format(value: number | bigint | Intl.StringNumericLiteral): string {
    return this.formatToParts(value)
      .map((p) => p.value)
      .join('');
  }

  override formatToParts(value?: number | bigint | Intl.StringNumericLiteral): Intl.NumberFormatPart[] {
    const signs = this.#data.number;
    return super.formatToParts(value ?? Number.NaN).map((part) => {
      switch (part.type) {
        case 'integer':
        case 'fraction':
          return { ...part, value: withDigits(part.value, this.#data.digits) };
        case 'decimal':
        case 'group':
        case 'minusSign':
        case 'plusSign':
        case 'percentSign':
          return { ...part, value: signs[part.type] };
        default:
          return part;
      }
    });
  }

  override resolvedOptions(): Intl.ResolvedNumberFormatOptions {
    return { ...super.resolvedOptions(), locale: this.#tag };
  }
}

// The tables of each language, downloaded only by a reader of that language whose browser lacks it.
const loaders: Readonly<Record<string, () => Promise<{ default: LocaleFormatData }>>> = {
  ps: () => import('./intl-fallback/ps.data.ts'),
  so: () => import('./intl-fallback/so.data.ts'),
  ti: () => import('./intl-fallback/ti.data.ts'),
};
const tables = new Map<string, LocaleFormatData>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();

const lacking = new Map<string, boolean>();
/** Whether this runtime's Intl has no data for the language: it would answer in its default language. */
export function runtimeLacks(language: string): boolean {
  let lacks = lacking.get(language);
  if (lacks === undefined) {
    // supportedLocalesOf is slow (issue 24): asked once per language.
    lacks =
      Intl.DateTimeFormat.supportedLocalesOf([language]).length === 0 ||
      Intl.NumberFormat.supportedLocalesOf([language]).length === 0;
    lacking.set(language, lacks);
  }
  return lacks;
}

/** Makes the tables of a language available to the formatters (tests give them directly). */
export function registerFallbackData(language: string, data: LocaleFormatData): void {
  tables.set(language, data);
  dateFormatters.clear();
  numberFormatters.clear();
}

/**
 * Loads the language's tables when the runtime lacks its data; resolve it before the language's
 * texts are drawn (until then its dates are written as the runtime can).
 */
export async function loadFallbackData(locale: string): Promise<void> {
  const language = intlLocale(locale).split('-')[0] ?? locale;
  const load = loaders[language];
  if (!load || tables.has(language) || !runtimeLacks(language)) return;
  try {
    registerFallbackData(language, (await load()).default);
  } catch {
    // Offline before the tables were ever fetched: the texts still switch, the dates follow on the
    // next switch or visit.
  }
}

function fallbackFor(tag: string): LocaleFormatData | undefined {
  const language = tag.split('-')[0] ?? tag;
  return tables.size > 0 && runtimeLacks(language) ? tables.get(language) : undefined;
}

function cachedFormatter<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

/**
 * The Intl.DateTimeFormat for an app locale (or an Intl tag) in the language's own words: the
 * runtime's, or the tables' when the runtime lacks the language. Kept per locale and options.
 */
export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = intlLocale(locale);
  return cachedFormatter(dateFormatters, `d|${tag}|${optionsKey(options)}|${options?.timeZone ?? ''}`, () => {
    const data = fallbackFor(tag);
    return data?.patterns[optionsKey(options)]
      ? new FallbackDateTimeFormat(tag, options, data)
      : new Intl.DateTimeFormat(tag, options);
  });
}

/** The Intl.NumberFormat for an app locale (or an Intl tag), the same way. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const tag = intlLocale(locale);
  return cachedFormatter(numberFormatters, `n|${tag}|${JSON.stringify(options ?? {})}`, () => {
    const data = fallbackFor(tag);
    return data ? new FallbackNumberFormat(tag, options, data) : new Intl.NumberFormat(tag, options);
  });
}
