import type { Recurrence } from '../../../common/contracts/events.ts';
import { parseLocal } from '../../../common/event-time.ts';
import { HOUR } from '../../lib/time.ts';
import type { OccurrenceRow } from './events.table.ts';
import {
  type ExpandedOccurrence,
  placeOccurrence,
  type RuleParts,
  ruleParts,
  type Schedule,
} from './recurrence.ts';
import { seriesStarts } from './series-keys.ts';

/**
 * One page of the occurrences of many events, in time order, without expanding every series over
 * the whole window: each event is a lazy source of occurrences, and a k-way merge over a heap takes
 * the earliest until the page is full. An occurrence enters the heap at a lower bound of its UTC
 * start (its wall time minus the largest zone offset) and is placed in its zone (the costly step)
 * only when it reaches the top, so a page of 20 places about 20 occurrences, not thousands.
 */

/** What a list needs of an event row to expand it. */
export interface SeriesRow {
  id: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  recurrence: string | null;
}

/** Where a page ended: the order is (start, event id, occurrence key). */
export interface OccurrenceCursor {
  startsAt: string;
  eventId: string;
  key: string;
}

/** A cursor as the opaque text of the API. */
export function encodeCursor(c: OccurrenceCursor): string {
  return Buffer.from(JSON.stringify([c.startsAt, c.eventId, c.key])).toString('base64url');
}

/** The cursor of the API's text, or null when it is not one. */
export function decodeCursor(text: string): OccurrenceCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === 'string'))
      return null;
    const [startsAt, eventId, key] = value as [string, string, string];
    return Number.isNaN(Date.parse(startsAt)) ? null : { startsAt, eventId, key };
  } catch {
    return null;
  }
}

/** The largest offset of any zone from UTC, and a little more. */
const ZONE_SLACK = 15 * HOUR;

interface Entry {
  /** A lower bound of the UTC start (exact once placed). */
  bound: number;
  eventId: string;
  key: string;
  source: number;
  placed: ExpandedOccurrence | null;
}

function before(a: Entry, b: Entry): boolean {
  if (a.bound !== b.bound) return a.bound < b.bound;
  if (a.eventId !== b.eventId) return a.eventId < b.eventId;
  return a.key < b.key;
}

/** A binary min-heap of entries. */
class Heap {
  private items: Entry[] = [];
  get size() {
    return this.items.length;
  }
  push(entry: Entry) {
    const a = this.items;
    a.push(entry);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i] as Entry, a[parent] as Entry)) break;
      [a[i], a[parent]] = [a[parent] as Entry, a[i] as Entry];
      i = parent;
    }
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l] as Entry, a[m] as Entry)) m = l;
        if (r < a.length && before(a[r] as Entry, a[m] as Entry)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Entry, a[i] as Entry];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Rules as parsed, by their text: a list reads the same few hundred series on every request, and
 * parsing them was a third of its work. Bounded: cleared when it holds too many.
 */
const recurrenceMemo = new Map<string, Recurrence>();
/** Keyed by the parsed rule object (one per text, from recurrenceMemo), then by the first start. */
const ruleMemo = new WeakMap<Recurrence, Map<string, RuleParts>>();
const MEMO_MAX = 20_000;

function memo<T>(store: Map<string, T>, key: string, make: () => T): T {
  let value = store.get(key);
  if (value === undefined) {
    if (store.size >= MEMO_MAX) store.clear();
    value = make();
    store.set(key, value);
  }
  return value;
}

/** The lazy source of one event: its unchanged occurrence keys, then separately its moved ones. */
function keySource(schedule: Schedule, changes: Map<string, OccurrenceRow>, fromFloating: number) {
  const skip = (key: string) => {
    const change = changes.get(key);
    return change !== undefined && (change.state === 'removed' || change.startsLocal !== null);
  };
  if (!schedule.recurrence) {
    const start = parseLocal(schedule.startsLocal);
    const once = start >= fromFloating && !skip(schedule.startsLocal) ? [start] : [];
    return once[Symbol.iterator]();
  }
  const recurrence = schedule.recurrence;
  let byStart = ruleMemo.get(recurrence);
  if (!byStart) {
    byStart = new Map<string, RuleParts>();
    ruleMemo.set(recurrence, byStart);
  }
  const parts = memo(byStart, schedule.startsLocal, () => ruleParts(recurrence, schedule.startsLocal));
  const starts = seriesStarts(parts, parseLocal(schedule.startsLocal), fromFloating);
  return (function* () {
    for (const at of starts) {
      const key = new Date(at).toISOString().slice(0, 16);
      if (!skip(key)) yield at;
    }
  })();
}

/**
 * The page of occurrences overlapping [from, to) (UTC ms) after the cursor, at most `limit`, and
 * the cursor of the next page (null at the end). Removed occurrences are left out.
 */
export function pageOccurrences<R extends SeriesRow>(
  rows: readonly R[],
  changesOf: (eventId: string) => readonly OccurrenceRow[],
  from: number,
  to: number,
  limit: number,
  after: OccurrenceCursor | null,
): { items: { row: R; occurrence: ExpandedOccurrence }[]; next: OccurrenceCursor | null } {
  const afterMs = after ? Date.parse(after.startsAt) : Number.NEGATIVE_INFINITY;
  const heap = new Heap();
  const sources: {
    row: R;
    schedule: Schedule;
    changes: Map<string, OccurrenceRow>;
    keys: Iterator<number>;
  }[] = [];
  const advance = (source: number) => {
    const s = sources[source];
    const step = s?.keys.next();
    if (!s || !step || step.done) return;
    const at = step.value;
    if (at - ZONE_SLACK >= to) return;
    heap.push({
      bound: at - ZONE_SLACK,
      eventId: s.row.id,
      key: new Date(at).toISOString().slice(0, 16),
      source,
      placed: null,
    });
  };
  for (const row of rows) {
    const schedule: Schedule = {
      timeZone: row.timeZone,
      startsLocal: row.startsLocal,
      endsLocal: row.endsLocal,
      recurrence: row.recurrence
        ? memo(recurrenceMemo, row.recurrence, () => JSON.parse(row.recurrence as string))
        : null,
    };
    const duration = parseLocal(row.endsLocal) - parseLocal(row.startsLocal);
    const changes = new Map(changesOf(row.id).map((c) => [c.occurrenceKey, c]));
    const index = sources.length;
    const lower = Math.max(from - duration, afterMs) - ZONE_SLACK;
    sources.push({ row, schedule, changes, keys: keySource(schedule, changes, lower) });
    advance(index);
    // Moved occurrences are few: placed at once, they join the heap with their exact start.
    for (const change of changes.values()) {
      if (change.state === 'removed' || change.startsLocal === null) continue;
      const placed = placeOccurrence(schedule, change.occurrenceKey, change);
      heap.push({
        bound: Date.parse(placed.startsAt),
        eventId: row.id,
        key: change.occurrenceKey,
        source: -1,
        placed,
      });
    }
  }
  const items: { row: R; occurrence: ExpandedOccurrence }[] = [];
  const isAfter = (startsAt: string, eventId: string, key: string) =>
    !after ||
    startsAt > after.startsAt ||
    (startsAt === after.startsAt &&
      (eventId > after.eventId || (eventId === after.eventId && key > after.key)));
  for (let entry = heap.pop(); entry && entry.bound < to; entry = heap.pop()) {
    const source = sources[entry.source];
    if (!entry.placed) {
      // Placed now; it goes back with its exact start, and the source offers its next one.
      if (!source) continue;
      entry.placed = placeOccurrence(source.schedule, entry.key, source.changes.get(entry.key));
      entry.bound = Date.parse(entry.placed.startsAt);
      heap.push(entry);
      advance(entry.source);
      continue;
    }
    const occurrence = entry.placed;
    const row = entry.source >= 0 ? source?.row : rows.find((r) => r.id === entry.eventId);
    if (!row || Date.parse(occurrence.endsAt) <= from) continue;
    if (!isAfter(occurrence.startsAt, entry.eventId, entry.key)) continue;
    if (items.length === limit) {
      const last = items[items.length - 1] as { row: R; occurrence: ExpandedOccurrence };
      return {
        items,
        next: { startsAt: last.occurrence.startsAt, eventId: last.row.id, key: last.occurrence.key },
      };
    }
    items.push({ row, occurrence });
  }
  return { items, next: null };
}

/** An occurrence worked out ahead, with its instants as numbers. */
export interface ListedOccurrence<R extends SeriesRow> {
  row: R;
  occurrence: ExpandedOccurrence;
  startMs: number;
  endMs: number;
}

/**
 * The same page as pageOccurrences, read from a list of occurrences worked out ahead over a window
 * that holds [from, to) and sorted in the list's order (start, event id, key).
 */
export function pageOfListed<R extends SeriesRow>(
  listed: readonly ListedOccurrence<R>[],
  from: number,
  to: number,
  limit: number,
  after: OccurrenceCursor | null,
): { items: { row: R; occurrence: ExpandedOccurrence }[]; next: OccurrenceCursor | null } {
  const items: { row: R; occurrence: ExpandedOccurrence }[] = [];
  for (const entry of listed) {
    if (entry.startMs >= to) break;
    if (entry.endMs <= from) continue;
    const { occurrence, row } = entry;
    if (
      after &&
      !(
        occurrence.startsAt > after.startsAt ||
        (occurrence.startsAt === after.startsAt &&
          (row.id > after.eventId || (row.id === after.eventId && occurrence.key > after.key)))
      )
    )
      continue;
    if (items.length === limit) {
      const last = items[items.length - 1] as { row: R; occurrence: ExpandedOccurrence };
      return {
        items,
        next: { startsAt: last.occurrence.startsAt, eventId: last.row.id, key: last.occurrence.key },
      };
    }
    items.push({ row, occurrence });
  }
  return { items, next: null };
}
