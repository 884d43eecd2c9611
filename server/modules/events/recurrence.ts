import * as rruleModule from 'rrule';
import type { Recurrence } from '../../../common/contracts/events.ts';
import { formatLocal, localToUtc, parseLocal } from '../../../common/event-time.ts';
import type { OccurrenceState, Weekday } from '../../../common/events.ts';
import { DAY } from '../../lib/time.ts';
import { type RuleParts, seriesStarts } from './series-keys.ts';

// rrule ships CommonJS for Node: its named exports are on the default export there.
const { RRule, Weekday: RRuleWeekday } =
  (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

/**
 * Recurrence with RRULE semantics through the rrule library. A series is expanded in "floating"
 * wall time (dates whose UTC fields are the local fields), and each occurrence is only then placed
 * in its zone: "every first Tuesday 18:00 Europe/Berlin" stays 18:00 in winter and in summer.
 */

const WEEKDAY_INDEX: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
const JS_DAY_TO_WEEKDAY: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The weekday of a local start. */
export function weekdayOf(startsLocal: string): Weekday {
  return JS_DAY_TO_WEEKDAY[new Date(parseLocal(startsLocal)).getUTCDay()] ?? 'MO';
}

/** Which weekday of its month the start is: 1–4, or -1 for a fifth (the last). */
export function nthOfMonth(startsLocal: string): number {
  const nth = Math.ceil(new Date(parseLocal(startsLocal)).getUTCDate() / 7);
  return nth >= 5 ? -1 : nth;
}

export type { RuleParts };

export function ruleParts(recurrence: Recurrence, startsLocal: string): RuleParts {
  const start = new Date(parseLocal(startsLocal));
  const weekly = recurrence.freq === 'weekly';
  const nthWeekday = !weekly && recurrence.monthly === 'nth_weekday';
  return {
    freq: weekly ? 'WEEKLY' : 'MONTHLY',
    interval: recurrence.interval,
    byDay: weekly
      ? recurrence.weekdays.length
        ? [...new Set(recurrence.weekdays)]
        : [weekdayOf(startsLocal)]
      : nthWeekday
        ? [weekdayOf(startsLocal)]
        : [],
    bySetPos: nthWeekday ? nthOfMonth(startsLocal) : null,
    byMonthDay: !weekly && !nthWeekday ? start.getUTCDate() : null,
    until: recurrence.until ? parseLocal(`${recurrence.until}T23:59`) : null,
    count: recurrence.count,
  };
}

function ruleOf(parts: RuleParts, startsLocal: string) {
  return new RRule({
    freq: parts.freq === 'WEEKLY' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: parts.interval,
    dtstart: new Date(parseLocal(startsLocal)),
    wkst: RRule.MO,
    ...(parts.byDay.length && {
      byweekday: parts.byDay.map((d) => new RRuleWeekday(WEEKDAY_INDEX[d], parts.bySetPos ?? undefined)),
    }),
    ...(parts.byMonthDay !== null && { bymonthday: [parts.byMonthDay] }),
    ...(parts.until !== null && { until: new Date(parts.until) }),
    ...(parts.count !== null && { count: parts.count }),
  });
}

/** The rule as text for answers and feeds, e.g. FREQ=MONTHLY;INTERVAL=1;BYDAY=+1TU. */
export function ruleString(recurrence: Recurrence, startsLocal: string): string {
  const parts = ruleParts(recurrence, startsLocal);
  const fields = [`FREQ=${parts.freq}`, `INTERVAL=${parts.interval}`];
  if (parts.byDay.length)
    fields.push(`BYDAY=${parts.byDay.map((d) => `${parts.bySetPos ?? ''}${d}`).join(',')}`);
  if (parts.byMonthDay !== null) fields.push(`BYMONTHDAY=${parts.byMonthDay}`);
  if (parts.count !== null) fields.push(`COUNT=${parts.count}`);
  if (parts.until !== null) fields.push(`UNTIL=${formatLocal(parts.until).replace(/[-:]/g, '')}00`);
  return fields.join(';');
}

/** What an expansion needs of an event. */
export interface Schedule {
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  recurrence: Recurrence | null;
}

/** A change of one occurrence. */
export interface OccurrenceChange {
  occurrenceKey: string;
  state: OccurrenceState;
  startsLocal: string | null;
  endsLocal: string | null;
}

export interface ExpandedOccurrence {
  key: string;
  startsLocal: string;
  endsLocal: string;
  startsAt: string;
  endsAt: string;
  state: OccurrenceState;
}

/** The occurrence keys (original local starts) of a series between two floating instants (inclusive). */
export function keysBetween(schedule: Schedule, fromFloating: number, toFloating: number): string[] {
  if (!schedule.recurrence) {
    const start = parseLocal(schedule.startsLocal);
    return start >= fromFloating && start <= toFloating ? [schedule.startsLocal] : [];
  }
  const keys: string[] = [];
  const parts = ruleParts(schedule.recurrence, schedule.startsLocal);
  for (const at of seriesStarts(parts, parseLocal(schedule.startsLocal), fromFloating)) {
    if (at > toFloating) break;
    keys.push(formatLocal(at));
  }
  return keys;
}

/** The same as keysBetween through the rrule library: the reference the fast path is tested against. */
export function keysBetweenByRrule(schedule: Schedule, fromFloating: number, toFloating: number): string[] {
  if (!schedule.recurrence) return keysBetween(schedule, fromFloating, toFloating);
  const rule = ruleOf(ruleParts(schedule.recurrence, schedule.startsLocal), schedule.startsLocal);
  return rule
    .between(new Date(fromFloating), new Date(toFloating), true)
    .map((d) => formatLocal(d.getTime()));
}

// Placing a wall time in its zone costs four Intl calls; lists place the same coming occurrences
// on every request, so the (pure) answers are kept, a bounded number of them.
const placed = new Map<string, number>();
function utcOf(local: string, zone: string): number {
  const key = `${zone}|${local}`;
  let utc = placed.get(key);
  if (utc === undefined) {
    if (placed.size >= 100_000) placed.clear();
    utc = localToUtc(local, zone);
    placed.set(key, utc);
  }
  return utc;
}

/** One occurrence with its change applied, placed in the zone. */
export function placeOccurrence(
  schedule: Schedule,
  key: string,
  change: OccurrenceChange | undefined,
): ExpandedOccurrence {
  const duration = parseLocal(schedule.endsLocal) - parseLocal(schedule.startsLocal);
  const startsLocal = change?.startsLocal ?? key;
  const endsLocal = change?.endsLocal ?? formatLocal(parseLocal(key) + duration);
  return {
    key,
    startsLocal,
    endsLocal,
    startsAt: new Date(utcOf(startsLocal, schedule.timeZone)).toISOString(),
    endsAt: new Date(utcOf(endsLocal, schedule.timeZone)).toISOString(),
    state: change?.state ?? 'scheduled',
  };
}

/**
 * The occurrences that overlap [from, to) (UTC ms), in order, with their changes applied; removed
 * ones are left out. At most `limit`.
 */
export function expandOccurrences(
  schedule: Schedule,
  changes: readonly OccurrenceChange[],
  from: number,
  to: number,
  limit = 500,
): ExpandedOccurrence[] {
  const byKey = new Map(changes.map((c) => [c.occurrenceKey, c]));
  const duration = parseLocal(schedule.endsLocal) - parseLocal(schedule.startsLocal);
  // Wall time differs from UTC by at most ±14 h; a moved occurrence by at most a few days.
  const margin = 3 * DAY;
  const keys = keysBetween(schedule, from - duration - margin, to + margin);
  const out: ExpandedOccurrence[] = [];
  for (const key of keys) {
    const change = byKey.get(key);
    if (change?.state === 'removed') continue;
    const occurrence = placeOccurrence(schedule, key, change);
    if (Date.parse(occurrence.endsAt) <= from || Date.parse(occurrence.startsAt) >= to) continue;
    out.push(occurrence);
  }
  out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return out.slice(0, limit);
}

/** Whether a local start is an occurrence key of the schedule. */
export function isOccurrenceKey(schedule: Schedule, key: string): boolean {
  const at = parseLocal(key);
  return keysBetween(schedule, at, at).includes(key);
}

/** The UTC end (ISO) of the last occurrence, or null for a series without end. */
export function lastEndOf(schedule: Schedule): string | null {
  const first = placeOccurrence(schedule, schedule.startsLocal, undefined);
  if (!schedule.recurrence) return first.endsAt;
  const { count, until } = schedule.recurrence;
  if (count === null && until === null) return null;
  const rule = ruleOf(ruleParts(schedule.recurrence, schedule.startsLocal), schedule.startsLocal);
  const all = rule.all((_, i) => i < 1000);
  const last = all[all.length - 1];
  if (!last) return first.endsAt;
  // A moved occurrence may end a little later: keep a day of room for range queries.
  return new Date(
    Date.parse(placeOccurrence(schedule, formatLocal(last.getTime()), undefined).endsAt) + DAY,
  ).toISOString();
}
