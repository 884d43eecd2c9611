import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../../common/contracts/events.ts';
import { formatLocal, parseLocal } from '../../../common/event-time.ts';
import { MONTHLY_MODES, WEEKDAYS } from '../../../common/events.ts';
import type { OccurrenceRow } from './events.table.ts';
import {
  decodeCursor,
  encodeCursor,
  type OccurrenceCursor,
  pageOccurrences,
  pageOfListed,
  type SeriesRow,
} from './occurrence-list.ts';
import { expandOccurrences, keysBetween, keysBetweenByRrule, type Schedule } from './recurrence.ts';

/** A small deterministic PRNG, so failures repeat. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

const ZONES = ['Europe/Berlin', 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];

function randomSchedule(rnd: () => number): Schedule {
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  const start =
    Date.UTC(2025, 0, 1) + Math.floor(rnd() * 900) * 86_400_000 + Math.floor(rnd() * 96) * 900_000;
  const startsLocal = formatLocal(start);
  const weekly = rnd() < 0.5;
  const end = rnd();
  const recurrence: Recurrence = {
    freq: weekly ? 'weekly' : 'monthly',
    interval: 1 + Math.floor(rnd() * 3),
    weekdays: weekly && rnd() < 0.5 ? WEEKDAYS.filter(() => rnd() < 0.3) : [],
    monthly: pick(MONTHLY_MODES),
    until: end < 0.3 ? formatLocal(start + Math.floor(rnd() * 400) * 86_400_000).slice(0, 10) : null,
    count: end >= 0.3 && end < 0.6 ? 1 + Math.floor(rnd() * 60) : null,
  };
  return {
    timeZone: pick(ZONES),
    startsLocal,
    endsLocal: formatLocal(start + (1 + Math.floor(rnd() * 8)) * 1_800_000),
    recurrence: rnd() < 0.1 ? null : recurrence,
  };
}

describe('the fast recurrence path', () => {
  it('gives the same occurrence keys as rrule for 400 random rules and windows', () => {
    const rnd = random(17);
    for (let i = 0; i < 400; i++) {
      const schedule = randomSchedule(rnd);
      const from = parseLocal(schedule.startsLocal) + Math.floor((rnd() - 0.2) * 600) * 86_400_000;
      const to = from + Math.floor(rnd() * 200) * 86_400_000;
      expect(keysBetween(schedule, from, to), JSON.stringify({ schedule, from, to })).toEqual(
        keysBetweenByRrule(schedule, from, to),
      );
    }
  });

  it('finds the last Friday and skips months without the 31st', () => {
    const base = { timeZone: 'UTC', recurrence: null };
    const lastFriday: Schedule = {
      ...base,
      startsLocal: '2026-01-30T10:00',
      endsLocal: '2026-01-30T11:00',
      recurrence: {
        freq: 'monthly',
        interval: 1,
        weekdays: [],
        monthly: 'nth_weekday',
        until: null,
        count: null,
      },
    };
    expect(keysBetween(lastFriday, parseLocal('2026-01-01T00:00'), parseLocal('2026-04-01T00:00'))).toEqual([
      '2026-01-30T10:00',
      '2026-02-27T10:00',
      '2026-03-27T10:00',
    ]);
    const the31st: Schedule = {
      ...lastFriday,
      startsLocal: '2026-01-31T10:00',
      endsLocal: '2026-01-31T11:00',
      recurrence: {
        freq: 'monthly',
        interval: 1,
        weekdays: [],
        monthly: 'day_of_month',
        until: null,
        count: null,
      },
    };
    expect(keysBetween(the31st, parseLocal('2026-01-01T00:00'), parseLocal('2026-06-01T00:00'))).toEqual([
      '2026-01-31T10:00',
      '2026-03-31T10:00',
      '2026-05-31T10:00',
    ]);
  });
});

describe('a page of occurrences from many events', () => {
  const rnd = random(5);
  const rows: (SeriesRow & { schedule: Schedule })[] = Array.from({ length: 60 }, (_, i) => {
    const schedule = randomSchedule(rnd);
    return {
      id: `event-${String(i).padStart(3, '0')}`,
      timeZone: schedule.timeZone,
      startsLocal: schedule.startsLocal,
      endsLocal: schedule.endsLocal,
      recurrence: schedule.recurrence ? JSON.stringify(schedule.recurrence) : null,
      schedule,
    };
  });
  // Some occurrences are moved, cancelled or removed.
  const changes = new Map<string, OccurrenceRow[]>();
  for (const row of rows.slice(0, 20)) {
    const keys = keysBetween(row.schedule, parseLocal('2026-01-01T00:00'), parseLocal('2027-12-31T00:00'));
    const key = keys[Math.floor(keys.length / 2)];
    if (!key) continue;
    const state = (['scheduled', 'cancelled', 'removed'] as const)[rows.indexOf(row) % 3] ?? 'scheduled';
    const moved = state === 'scheduled';
    changes.set(row.id, [
      {
        eventId: row.id,
        occurrenceKey: key,
        state,
        startsLocal: moved ? formatLocal(parseLocal(key) + 2 * 86_400_000) : null,
        endsLocal: moved ? formatLocal(parseLocal(key) + 2 * 86_400_000 + 3_600_000) : null,
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
  }
  const from = Date.parse('2026-06-01T00:00:00Z');
  const to = Date.parse('2027-03-01T00:00:00Z');
  const expected = rows
    .flatMap((row) =>
      expandOccurrences(row.schedule, changes.get(row.id) ?? [], from, to, 10_000).map((o) => ({
        id: row.id,
        key: o.key,
        startsAt: o.startsAt,
        state: o.state,
      })),
    )
    .sort(
      (a, b) =>
        a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id) || a.key.localeCompare(b.key),
    );

  it('pages through exactly what a full expansion gives, in the same order', () => {
    const seen: typeof expected = [];
    let cursor: string | null = null;
    for (let n = 0; n < 1000; n++) {
      const after: OccurrenceCursor | null = cursor ? decodeCursor(cursor) : null;
      const page: ReturnType<typeof pageOccurrences<(typeof rows)[number]>> = pageOccurrences(
        rows,
        (id) => changes.get(id) ?? [],
        from,
        to,
        25,
        after,
      );
      seen.push(
        ...page.items.map((i) => ({
          id: i.row.id,
          key: i.occurrence.key,
          startsAt: i.occurrence.startsAt,
          state: i.occurrence.state,
        })),
      );
      cursor = page.next ? encodeCursor(page.next) : null;
      if (!cursor) break;
    }
    expect(expected.length).toBeGreaterThan(100);
    expect(seen).toEqual(expected);
  });

  it('gives the same pages from occurrences worked out ahead over a wider window, from any moment in it', () => {
    const ahead = pageOccurrences(rows, (id) => changes.get(id) ?? [], from, to + 3_600_000, 100_000, null);
    expect(ahead.next).toBeNull();
    const listed = ahead.items.map((i) => ({
      ...i,
      startMs: Date.parse(i.occurrence.startsAt),
      endMs: Date.parse(i.occurrence.endsAt),
    }));
    for (const later of [0, 1_000, 1_800_000, 3_599_999]) {
      const pageFrom = from + later;
      const pageTo = to + later;
      let direct: OccurrenceCursor | null = null;
      let kept: OccurrenceCursor | null = null;
      for (let n = 0; n < 1000; n++) {
        const a: ReturnType<typeof pageOccurrences<(typeof rows)[number]>> = pageOccurrences(
          rows,
          (id) => changes.get(id) ?? [],
          pageFrom,
          pageTo,
          25,
          direct,
        );
        const b: ReturnType<typeof pageOfListed<(typeof rows)[number]>> = pageOfListed(
          listed,
          pageFrom,
          pageTo,
          25,
          kept,
        );
        expect(b.items.map((i) => [i.row.id, i.occurrence])).toEqual(
          a.items.map((i) => [i.row.id, i.occurrence]),
        );
        expect(b.next).toEqual(a.next);
        if (!a.next) break;
        direct = a.next;
        kept = b.next;
      }
    }
  });

  it('refuses a cursor that is not one', () => {
    expect(decodeCursor('nonsense')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2,3]').toString('base64url'))).toBeNull();
  });
});
