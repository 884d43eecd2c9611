/** The shape of the date and number tables (common/intl-fallback/<locale>.data.ts). */
export type DateField = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'dayPeriod';
export type FieldWidth = 'numeric' | '2-digit' | 'long' | 'short' | 'narrow';
export type HourCycle = 'h11' | 'h12' | 'h23' | 'h24';

/** A field of a pattern; `s` says which end of a range it belongs to (absent: shared or single date). */
export interface FieldPart {
  f: DateField;
  w?: FieldWidth;
  c?: HourCycle;
  s?: 'start' | 'end';
}
/** A pattern: literals as strings, fields as objects, in order. */
export type PatternPart = string | FieldPart;

/** The largest field that differs between the two ends of a range picks the range's pattern. */
export type RangeStep = 'year' | 'month' | 'day' | 'ampm' | 'hour' | 'minute';

export interface LocaleFormatData {
  /** The ten digits, when they are not 0–9. */
  digits?: string;
  months: Partial<Record<'long' | 'short' | 'narrow', string[]>>;
  /** Sunday first. */
  weekdays: Partial<Record<'long' | 'short' | 'narrow', string[]>>;
  dayPeriods: [am: string, pm: string];
  /** By optionsKey. */
  patterns: Record<string, PatternPart[]>;
  ranges: Record<string, Partial<Record<RangeStep, PatternPart[]>>>;
  /** The signs that replace English ones in a number ("-" may carry direction marks). */
  number: { decimal: string; group: string; minusSign: string; plusSign: string; percentSign: string };
}
