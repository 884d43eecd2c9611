import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './postgres-driver.ts';

describe('timestamps as PostgreSQL writes them', () => {
  it('become the same ISO strings a Date gives, in UTC and in other zones', () => {
    const written = [
      '2026-12-07 19:24:52.258765+00',
      '2026-12-07 19:24:52.2587+00',
      '2026-12-07 19:24:52.25+00',
      '2026-12-07 19:24:52.2+00',
      '2026-12-07 19:24:52+00',
      '2026-12-07 00:00:00.999999+00',
      '2024-02-29 23:59:59.5+00',
      // Another session time zone, or an offset with minutes: through Date.
      '2026-12-07 20:24:52.258+01',
      '2026-12-07 14:54:52.1+05:30',
      '2026-03-29 01:30:00-02:30',
    ];
    for (const value of written) expect(isoTimestamp(value)).toBe(new Date(value).toISOString());
    expect(isoTimestamp('2026-12-07 19:24:52.258765+00')).toBe('2026-12-07T19:24:52.258Z');
    expect(isoTimestamp('2026-12-07 20:24:52.258+01')).toBe('2026-12-07T19:24:52.258Z');
  });
});
