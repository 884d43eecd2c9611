import { describe, expect, it } from 'vitest';
import type { ReportCell } from '../../../common/contracts/reports.ts';
import {
  type ActivityGroupFacts,
  BELOW_THRESHOLD,
  countCell,
  emptyFacts,
  groupCells,
  totalCells,
  WITHHELD,
} from './suppression.ts';

/** Facts of `activities` activities of 60 minutes by the given mentors, one mentee each per mentor. */
function facts(activities: number, mentors: string[], menteesPerMentor = 1): ActivityGroupFacts {
  const f = emptyFacts();
  f.activities = activities;
  f.minutes = activities * 60;
  for (const m of mentors) {
    f.mentors.add(m);
    for (let i = 0; i < menteesPerMentor; i++) f.mentees.add(`${m}:${i}`);
  }
  return f;
}

/** A pseudo-random generator with a seed, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const numeric = (cell: ReportCell): number | null => (typeof cell === 'number' ? cell : null);

describe('small-count suppression', () => {
  it('shows single counts of 1 and 2 as "< 3", zero and 3 or more as they are', () => {
    expect([0, 1, 2, 3, 17].map(countCell)).toEqual([0, BELOW_THRESHOLD, BELOW_THRESHOLD, 3, 17]);
  });

  it('withholds a row with fewer than 3 mentors or mentees, hours included', () => {
    const [oneMentor, twoMentees, fine, empty] = groupCells([
      facts(9, ['a']),
      facts(9, ['b', 'c']),
      facts(9, ['a', 'b', 'c']),
      emptyFacts(),
      facts(20, ['d', 'e', 'f']),
    ]);
    expect(oneMentor).toEqual({ activities: '< 3', hours: '< 3', mentees: '< 3', mentors: '< 3' });
    expect(twoMentees?.hours).toBe('< 3');
    expect(fine).toEqual({ activities: 9, hours: 9, mentees: 3, mentors: 3 });
    expect(empty).toEqual({ activities: 0, hours: 0, mentees: 0, mentors: 0 });
    expect(totalCells(facts(5, ['a', 'b'])).activities).toBe('< 3');
  });

  it('withholds the smallest further row when the total would give a small one away', () => {
    const cells = groupCells([facts(30, ['a', 'b', 'c']), facts(1, ['a']), facts(12, ['d', 'e', 'f'])]);
    expect(cells[1]?.activities).toBe(BELOW_THRESHOLD);
    // Without it, total − 30 − 12 would be the one activity of mentor a.
    expect(cells[2]?.activities).toBe(WITHHELD);
    expect(cells[0]?.activities).toBe(30);
  });

  it('never lets a cell below 3 show, nor be worked out from the total, in random groups', () => {
    const next = random(20261207);
    for (let round = 0; round < 500; round++) {
      const mentors = ['a', 'b', 'c', 'd', 'e', 'f'];
      const rows: ActivityGroupFacts[] = [];
      const all = emptyFacts();
      for (let r = 0; r < 1 + Math.floor(next() * 12); r++) {
        const row = emptyFacts();
        for (let n = Math.floor(next() * 8); n > 0; n--) {
          const mentor = mentors[Math.floor(next() * (1 + Math.floor(next() * mentors.length)))] ?? 'a';
          const mentee = `${mentor}:${Math.floor(next() * 3)}`;
          const minutes = 15 * (1 + Math.floor(next() * 8));
          for (const target of [row, all]) {
            target.activities += 1;
            target.minutes += minutes;
            target.mentors.add(mentor);
            target.mentees.add(mentee);
          }
        }
        rows.push(row);
      }
      const cells = groupCells(rows);
      const total = totalCells(all);
      for (const cell of [...cells, total]) {
        for (const key of ['activities', 'mentees', 'mentors'] as const) {
          const value = numeric(cell[key]);
          if (value !== null) expect(value === 0 || value >= 3, `round ${round}: ${key} ${value}`).toBe(true);
        }
      }
      // What the shown total minus the shown rows leaves is either nothing or not small.
      const shownTotal = numeric(total.activities);
      if (shownTotal !== null) {
        const hiddenRows = rows.filter((_, i) => numeric(cells[i]?.activities ?? 0) === null);
        const rest = shownTotal - cells.reduce((sum, c) => sum + (numeric(c.activities) ?? 0), 0);
        expect(rest === 0 || rest >= 3, `round ${round}: the rest is ${rest}`).toBe(true);
        if (hiddenRows.length > 0) {
          const mentorsLeft = new Set(hiddenRows.flatMap((r) => [...r.mentors]));
          const menteesLeft = new Set(hiddenRows.flatMap((r) => [...r.mentees]));
          expect(mentorsLeft.size, `round ${round}: mentors behind the hidden rows`).toBeGreaterThanOrEqual(
            3,
          );
          expect(menteesLeft.size).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });
});
