import type { Weekday } from '../../../common/events.ts';
import { DAY } from '../../lib/time.ts';

/**
 * The fast path of recurrence: the occurrence starts of a series (floating ms) from a point on, in
 * order, lazily, by calendar arithmetic instead of the rrule library. It handles exactly the rules
 * this platform makes (weekly on weekdays, monthly on a day or the nth/last weekday, INTERVAL,
 * UNTIL, COUNT) and jumps straight to the window when the series has no COUNT, so the cost of one
 * series no longer grows with its age. recurrence.test.ts checks it against rrule on many rules.
 */

/** The parts of the rule as RRULE fields (shared by expansion and feeds). */
export interface RuleParts {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byDay: Weekday[];
  /** Monthly on the nth weekday: its position (BYDAY=1TU is byDay TU with bySetPos 1). */
  bySetPos: number | null;
  byMonthDay: number | null;
  /** Floating ms of the last moment an occurrence may start, or null. */
  until: number | null;
  count: number | null;
}

const WEEKDAY_INDEX = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 } as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The day of the month of the nth (1–4) or last (-1) weekday (0 = Monday) of a month. */
function nthWeekdayOf(year: number, month: number, weekday: number, nth: number): number | null {
  const length = daysInMonth(year, month);
  if (nth > 0) {
    const firstMonday0 = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
    const day = 1 + ((weekday - firstMonday0 + 7) % 7) + (nth - 1) * 7;
    return day <= length ? day : null;
  }
  const lastMonday0 = (new Date(Date.UTC(year, month, length)).getUTCDay() + 6) % 7;
  const day = length - ((lastMonday0 - weekday + 7) % 7) + (nth + 1) * 7;
  return day >= 1 ? day : null;
}

/** Candidate starts of one period (a week block or a month) of the rule, in order. */
function periodStarts(parts: RuleParts, start: number, period: number): number[] {
  const timeOfDay = ((start % DAY) + DAY) % DAY;
  if (parts.freq === 'WEEKLY') {
    const startDay = Math.floor(start / DAY);
    const weekStart = startDay - ((new Date(start).getUTCDay() + 6) % 7);
    const base = weekStart + period * 7 * parts.interval;
    return parts.byDay
      .map((d) => WEEKDAY_INDEX[d])
      .sort((a, b) => a - b)
      .map((d) => (base + d) * DAY + timeOfDay);
  }
  const first = new Date(start);
  const index = first.getUTCFullYear() * 12 + first.getUTCMonth() + period * parts.interval;
  const year = Math.floor(index / 12);
  const month = index % 12;
  let day: number | null;
  if (parts.byMonthDay !== null) day = parts.byMonthDay <= daysInMonth(year, month) ? parts.byMonthDay : null;
  else {
    const weekday = WEEKDAY_INDEX[parts.byDay[0] ?? 'MO'];
    day = nthWeekdayOf(year, month, weekday, parts.bySetPos ?? 1);
  }
  return day === null ? [] : [Date.UTC(year, month, day) + timeOfDay];
}

/** The first period that may hold a start at or after `from` (0 when the COUNT must be counted). */
function firstPeriod(parts: RuleParts, start: number, from: number): number {
  if (parts.count !== null || from <= start) return 0;
  if (parts.freq === 'WEEKLY') {
    const weekStart = Math.floor(start / DAY) - ((new Date(start).getUTCDay() + 6) % 7);
    return Math.max(0, Math.floor((Math.floor(from / DAY) - weekStart) / (7 * parts.interval)) - 1);
  }
  const a = new Date(start);
  const b = new Date(from);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  return Math.max(0, Math.floor(months / parts.interval) - 1);
}

/** The starts of the series (floating ms) at or after `from`, in order; endless without UNTIL/COUNT. */
export function* seriesStarts(parts: RuleParts, start: number, from: number): Generator<number> {
  let seen = 0;
  // A month without the day (the 31st) or a rule that never matches must not spin forever.
  let empty = 0;
  for (let period = firstPeriod(parts, start, from); empty < 120; period++) {
    const starts = periodStarts(parts, start, period);
    empty = starts.length ? 0 : empty + 1;
    for (const at of starts) {
      if (at < start) continue;
      if (parts.until !== null && at > parts.until) return;
      seen += 1;
      if (parts.count !== null && seen > parts.count) return;
      if (at >= from) yield at;
    }
  }
}
