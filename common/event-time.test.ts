import { describe, expect, it } from 'vitest';
import { localToUtc, parseLocal, utcToLocal, zoneOffsetAt } from './event-time.ts';

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

describe('zone offsets', () => {
  /** The offset as Intl gives it, second by second: the reference. */
  function byIntl(instant: number, zone: string): number {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(
      f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)] as const),
    ) as Record<string, number>;
    const second = Math.floor(instant / 1000) * 1000;
    return (
      Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) -
      second
    );
  }

  it('agree with Intl around every change and at random instants, in zones with and without daylight saving', () => {
    const zones = [
      'Europe/Berlin',
      'Europe/Kyiv',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Tehran',
      'UTC',
    ];
    let s = 42;
    const rnd = () => {
      s = (s * 1_664_525 + 1_013_904_223) >>> 0;
      return s / 4_294_967_296;
    };
    const instants: number[] = [];
    // Each quarter hour around the 2026 changes in Europe and America, and 500 random instants 2024–2032.
    for (const day of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05', '2026-10-04'])
      for (let q = -8; q < 104; q++) instants.push(Date.parse(`${day}T00:00:00Z`) + q * 900_000);
    for (let i = 0; i < 500; i++)
      instants.push(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 9 * 365 * 86_400) * 1000);
    for (const zone of zones)
      for (const instant of instants)
        expect(zoneOffsetAt(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(
          byIntl(instant, zone),
        );
  });

  it('places wall times across the spring gap and the autumn overlap as calendars do', () => {
    expect(new Date(localToUtc('2026-03-29T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(new Date(localToUtc('2026-10-25T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(utcToLocal(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30');
  });
});
