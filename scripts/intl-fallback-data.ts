/**
 * Reads a language's date patterns, names and number signs out of this Node's full ICU, in the shape
 * common/intl-fallback.ts formats with. Used by scripts/write-intl-fallback.ts and by the test
 * that checks the committed tables still match ICU.
 */

import { optionsKey } from '../common/intl-fallback.ts';
import type {
  DateField,
  FieldPart,
  FieldWidth,
  HourCycle,
  LocaleFormatData,
  PatternPart,
  RangeStep,
} from '../common/intl-fallback.types.ts';
import { FALLBACK_DATE_OPTIONS, FALLBACK_RANGE_OPTIONS } from '../common/intl-fallback-options.ts';
import { intlLocale } from '../common/locales.ts';

const UTC = 'UTC';
// A Sunday in January, early in the morning: single-digit month, day and hour show their widths.
const PROBE = Date.UTC(2026, 0, 4, 3, 5, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGE_ENDS: Record<RangeStep, number> = {
  minute: PROBE + 10 * 60_000,
  hour: PROBE + 2 * HOUR,
  ampm: PROBE + 12 * HOUR,
  day: PROBE + 3 * DAY,
  month: PROBE + 40 * DAY,
  year: PROBE + 400 * DAY,
};

function parts(tag: string, options: Intl.DateTimeFormatOptions, at: number): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: UTC }).formatToParts(at);
}

function partValue(tag: string, options: Intl.DateTimeFormatOptions, at: number, type: string): string {
  const part = parts(tag, options, at).find((p) => p.type === type);
  if (!part) throw new Error(`${tag}: no ${type} in ${optionsKey(options)}`);
  return part.value;
}

function digitsOf(tag: string): string | undefined {
  const digits = new Intl.NumberFormat(tag, { useGrouping: false }).format(1234567890);
  const ten = [...digits.slice(9), ...digits.slice(0, 9)].join('');
  return ten === '0123456789' ? undefined : ten;
}

function latin(text: string, digits: string | undefined): string {
  return digits ? [...text].map((c) => (digits.includes(c) ? String(digits.indexOf(c)) : c)).join('') : text;
}

/** Names of the months and weekdays in the context a date with a day puts them (not stand-alone). */
function namesOf(tag: string): Pick<LocaleFormatData, 'months' | 'weekdays' | 'dayPeriods'> {
  const months: LocaleFormatData['months'] = {};
  const weekdays: LocaleFormatData['weekdays'] = {};
  for (const width of ['long', 'short'] as const) {
    months[width] = Array.from({ length: 12 }, (_, m) =>
      partValue(tag, { month: width, day: 'numeric' }, Date.UTC(2026, m, 4), 'month'),
    );
    weekdays[width] = Array.from({ length: 7 }, (_, d) =>
      partValue(tag, { weekday: width, day: 'numeric', month: 'long' }, PROBE + d * DAY, 'weekday'),
    );
  }
  const twelve = { hour: 'numeric', hourCycle: 'h12' } as const;
  return {
    months,
    weekdays,
    dayPeriods: [
      partValue(tag, twelve, PROBE, 'dayPeriod'),
      partValue(tag, twelve, PROBE + 12 * HOUR, 'dayPeriod'),
    ],
  };
}

function numericWidth(value: string, digits: string | undefined): FieldWidth {
  return latin(value, digits).startsWith('0') ? '2-digit' : 'numeric';
}

function hourCycleOf(
  tag: string,
  options: Intl.DateTimeFormatOptions,
  digits: string | undefined,
): HourCycle {
  const afternoon = Number(latin(partValue(tag, options, PROBE + 12 * HOUR, 'hour'), digits));
  const midnight = Number(latin(partValue(tag, options, PROBE - 3 * HOUR, 'hour'), digits));
  if (afternoon === 15) return midnight === 24 ? 'h24' : 'h23';
  return midnight === 12 ? 'h12' : 'h11';
}

/** Which width of names a field of an option set takes, from all its values (January can be "ጥሪ" in both). */
function widthIn(
  tag: string,
  options: Intl.DateTimeFormatOptions,
  names: Partial<Record<'long' | 'short' | 'narrow', string[]>>,
  type: 'month' | 'weekday',
): FieldWidth {
  const dates =
    type === 'month'
      ? Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 4, 3, 5, 9))
      : Array.from({ length: 7 }, (_, d) => PROBE + d * DAY);
  const values = dates.map((at) => partValue(tag, options, at, type)).join('|');
  for (const width of ['long', 'short'] as const) if (names[width]?.join('|') === values) return width;
  throw new Error(`${tag}: the ${type} names of ${optionsKey(options)} are in no table (${values})`);
}

/** The pattern of one option set, read from the probe date's parts. */
function patternOf(
  tag: string,
  options: Intl.DateTimeFormatOptions,
  names: Pick<LocaleFormatData, 'months' | 'weekdays' | 'dayPeriods'>,
  digits: string | undefined,
): PatternPart[] {
  return parts(tag, options, PROBE).map((part): PatternPart => {
    const { type, value } = part;
    switch (type) {
      case 'literal':
        return value;
      case 'year':
        return { f: 'year', w: latin(value, digits).length === 2 ? '2-digit' : 'numeric' };
      case 'month':
        return /^[0-9]+$/.test(latin(value, digits))
          ? { f: 'month', w: numericWidth(value, digits) }
          : { f: 'month', w: widthIn(tag, options, names.months, 'month') };
      case 'weekday':
        return { f: 'weekday', w: widthIn(tag, options, names.weekdays, 'weekday') };
      case 'day':
      case 'minute':
      case 'second':
        return { f: type, w: numericWidth(value, digits) };
      case 'hour':
        return { f: 'hour', w: numericWidth(value, digits), c: hourCycleOf(tag, options, digits) };
      case 'dayPeriod':
        if (value !== names.dayPeriods[0]) throw new Error(`${tag}: day period "${value}" is not AM`);
        return { f: 'dayPeriod' };
      default:
        throw new Error(`${tag}: the tables have no ${type} (${optionsKey(options)})`);
    }
  });
}

function rangesOf(
  tag: string,
  options: Intl.DateTimeFormatOptions,
  single: PatternPart[],
  digits: string | undefined,
): LocaleFormatData['ranges'][string] {
  // Names and hour cycle as in the single date's pattern; numbers' widths as the range writes them
  // (Pashto writes "۸:۰۷" alone but "۰۸:۰۷–۰۸:۰۸").
  const specs = new Map<DateField, FieldPart>();
  for (const part of single) if (typeof part !== 'string') specs.set(part.f, part);
  const formatter = new Intl.DateTimeFormat(tag, { ...options, timeZone: UTC });
  const ranges: Partial<Record<RangeStep, PatternPart[]>> = {};
  for (const [step, end] of Object.entries(RANGE_ENDS) as [RangeStep, number][]) {
    const list = formatter.formatRangeToParts(PROBE, end);
    ranges[step] = list.map((part): PatternPart => {
      if (part.type === 'literal') return part.value;
      const spec = specs.get(part.type as DateField);
      if (!spec) throw new Error(`${tag}: ${part.type} in a range but not in ${optionsKey(options)}`);
      const side = part.source === 'startRange' ? 'start' : part.source === 'endRange' ? 'end' : undefined;
      const numeric = spec.w === 'numeric' || spec.w === '2-digit';
      // The start (the probe) has one-digit fields; an end's field has the width of its start's.
      const sample =
        side === 'end' ? (list.find((p) => p.type === part.type && p.source !== 'endRange') ?? part) : part;
      const field: FieldPart =
        numeric && spec.f !== 'year' ? { ...spec, w: numericWidth(sample.value, digits) } : spec;
      return side ? { ...field, s: side } : field;
    });
  }
  return ranges;
}

function numberSignsOf(tag: string): LocaleFormatData['number'] {
  const signs = (value: number, options: Intl.NumberFormatOptions = {}) =>
    new Intl.NumberFormat(tag, options).formatToParts(value);
  const joinedBefore = (list: Intl.NumberFormatPart[], type: string) => {
    // A sign with the direction marks that stand around it (Pashto writes "‎-‎").
    const at = list.findIndex((p) => p.type === type);
    let from = at;
    let to = at;
    while (list[from - 1]?.type === 'literal') from -= 1;
    while (list[to + 1]?.type === 'literal') to += 1;
    return list
      .slice(from, to + 1)
      .map((p) => p.value)
      .join('');
  };
  const find = (list: Intl.NumberFormatPart[], type: string) =>
    list.find((p) => p.type === type)?.value ?? '';
  const big = signs(1234567.5);
  return {
    decimal: find(big, 'decimal'),
    group: find(big, 'group'),
    minusSign: joinedBefore(signs(-1), 'minusSign'),
    plusSign: joinedBefore(signs(1, { signDisplay: 'always' }), 'plusSign'),
    percentSign: find(signs(0.5, { style: 'percent' }), 'percentSign'),
  };
}

/** The tables of one app locale, from this runtime's ICU (which must have the language). */
export function buildFallbackData(locale: string): LocaleFormatData {
  const tag = intlLocale(locale);
  if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0)
    throw new Error(`This Node's ICU has no ${tag}: run it with full ICU (the default build)`);
  const digits = digitsOf(tag);
  const names = namesOf(tag);
  const patterns: Record<string, PatternPart[]> = {};
  for (const options of FALLBACK_DATE_OPTIONS)
    patterns[optionsKey(options)] = patternOf(tag, options, names, digits);
  const ranges: LocaleFormatData['ranges'] = {};
  for (const options of FALLBACK_RANGE_OPTIONS) {
    const single = patterns[optionsKey(options)];
    if (!single) throw new Error(`${optionsKey(options)} is a range option set but not a date one`);
    ranges[optionsKey(options)] = rangesOf(tag, options, single, digits);
  }
  return { ...(digits && { digits }), ...names, patterns, ranges, number: numberSignsOf(tag) };
}
