import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../../common/contracts/events.ts';
import { localToUtc, utcToLocal } from '../../../common/event-time.ts';
import { expandOccurrences, isOccurrenceKey, lastEndOf, ruleString } from './recurrence.ts';

const monthly: Recurrence = {
  freq: 'monthly',
  interval: 1,
  weekdays: [],
  monthly: 'nth_weekday',
  until: null,
  count: null,
};
const at = (iso: string) => Date.parse(iso);

describe('wall time in a zone', () => {
  it('places Berlin wall times on both sides of the daylight-saving changes', () => {
    expect(new Date(localToUtc('2026-03-03T18:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-03T17:00:00.000Z',
    );
    expect(new Date(localToUtc('2026-04-07T18:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-04-07T16:00:00.000Z',
    );
    // Skipped at the spring change: moves forward by the gap.
    expect(new Date(localToUtc('2026-03-29T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // Twice at the autumn change: the earlier.
    expect(new Date(localToUtc('2026-10-25T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(utcToLocal(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(new Date(localToUtc('2026-07-01T09:00', 'America/New_York')).toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
  });
});

describe('recurrence', () => {
  const schedule = {
    timeZone: 'Europe/Berlin',
    startsLocal: '2026-02-03T18:00',
    endsLocal: '2026-02-03T20:00',
    recurrence: monthly,
  };

  it('repeats every first Tuesday at 18:00 Berlin time across the March change', () => {
    const list = expandOccurrences(schedule, [], at('2026-02-01T00:00:00Z'), at('2026-05-01T00:00:00Z'));
    expect(list.map((o) => o.startsAt)).toEqual([
      '2026-02-03T17:00:00.000Z',
      '2026-03-03T17:00:00.000Z',
      '2026-04-07T16:00:00.000Z',
    ]);
    expect(list.map((o) => o.startsLocal)).toEqual([
      '2026-02-03T18:00',
      '2026-03-03T18:00',
      '2026-04-07T18:00',
    ]);
    expect(ruleString(monthly, schedule.startsLocal)).toBe('FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU');
  });

  it('applies moved, cancelled and removed occurrences', () => {
    const list = expandOccurrences(
      schedule,
      [
        { occurrenceKey: '2026-03-03T18:00', state: 'removed', startsLocal: null, endsLocal: null },
        { occurrenceKey: '2026-04-07T18:00', state: 'cancelled', startsLocal: null, endsLocal: null },
        {
          occurrenceKey: '2026-05-05T18:00',
          state: 'scheduled',
          startsLocal: '2026-05-06T19:00',
          endsLocal: '2026-05-06T21:00',
        },
      ],
      at('2026-02-10T00:00:00Z'),
      at('2026-06-01T00:00:00Z'),
    );
    expect(list.map((o) => [o.key, o.state, o.startsLocal])).toEqual([
      ['2026-04-07T18:00', 'cancelled', '2026-04-07T18:00'],
      ['2026-05-05T18:00', 'scheduled', '2026-05-06T19:00'],
    ]);
    expect(isOccurrenceKey(schedule, '2026-04-07T18:00')).toBe(true);
    expect(isOccurrenceKey(schedule, '2026-04-08T18:00')).toBe(false);
  });

  it('keeps a weekly series on its weekdays, and ends it by count or date', () => {
    const weekly = {
      ...schedule,
      startsLocal: '2026-10-19T10:00',
      endsLocal: '2026-10-19T11:00',
      recurrence: { ...monthly, freq: 'weekly' as const, weekdays: ['MO' as const, 'TH' as const], count: 4 },
    };
    const list = expandOccurrences(weekly, [], at('2026-10-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(list.map((o) => o.startsAt)).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-22T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-10-29T09:00:00.000Z',
    ]);
    expect(lastEndOf(weekly)).toBe('2026-10-30T10:00:00.000Z');
    expect(lastEndOf(schedule)).toBeNull();
    expect(lastEndOf({ ...schedule, recurrence: null })).toBe('2026-02-03T19:00:00.000Z');
  });
});
