import { describe, expect, it } from 'vitest';
import { parseLocal } from './event-time.ts';

/** The field-splitting reading the fast path must agree with. */
function byFields(local: string): number {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

describe('parseLocal', () => {
  it('reads every shape the same as splitting the fields does', () => {
    const samples = [
      '2026-03-29T02:30',
      '2026-12-31T23:59',
      '2026-02-29T10:00',
      '2026-01-05',
      '2026-01-05T07:45:30',
      '2026-01-05T07:45:30.123Z',
      '2026-1-5T7:05',
      '2026-01-05T',
      '0099-06-01T12:00',
    ];
    for (const local of samples) expect(parseLocal(local), local).toEqual(byFields(local));
  });

  it('gives floating milliseconds: the UTC instant with the same fields', () => {
    expect(new Date(parseLocal('2026-10-25T02:30')).toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });
});
