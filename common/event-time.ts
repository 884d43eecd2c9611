/**
 * Wall time ↔ UTC in an IANA zone with nothing but `Intl` (server and web). A local wall time is
 * `YYYY-MM-DDTHH:mm`. A wall time that does not exist (skipped at the spring change) moves forward
 * by the gap; one that exists twice (the autumn change) is the earlier of the two, as calendars do.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock of a zone at an instant, as milliseconds of a UTC date with the same fields. */
function wallMsAt(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(zone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The offset at an instant, asked of `Intl` (tens of microseconds each). */
function offsetByIntl(instant: number, zone: string): number {
  const second = Math.floor(instant / 1000) * 1000;
  return wallMsAt(second, zone) - second;
}

const DAY_MS = 86_400_000;
/**
 * The offset of a zone over a whole UTC day when it is the same at its first and last second, NaN
 * when it changes that day. Zones change at most once a day (twice a year for daylight saving), so
 * an equal offset at both ends holds all day. Lists place thousands of occurrences in a handful of
 * zones: this turns almost every lookup into one map read.
 */
const dayOffsets = new Map<string, number>();
const DAY_OFFSETS_MAX = 100_000;

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: +7 200 000). */
export function zoneOffsetAt(instant: number, zone: string): number {
  const day = Math.floor(instant / DAY_MS);
  const key = `${zone} ${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetByIntl(day * DAY_MS, zone);
    offset = first === offsetByIntl((day + 1) * DAY_MS - 1000, zone) ? first : Number.NaN;
    if (dayOffsets.size >= DAY_OFFSETS_MAX) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return Number.isNaN(offset) ? offsetByIntl(instant, zone) : offset;
}

/** The wall clock of a zone at an instant (whole seconds), as floating milliseconds. */
function wallAt(instant: number, zone: string): number {
  return Math.floor(instant / 1000) * 1000 + zoneOffsetAt(instant, zone);
}

/** `YYYY-MM-DDTHH:mm` as the milliseconds of a UTC date with the same fields ("floating" time). */
export function parseLocal(local: string): number {
  // The common shape `YYYY-MM-DD[THH:mm…]` is read by position (lists parse thousands of these).
  if (local.length >= 10 && local[4] === '-' && local[7] === '-') {
    const y = Number(local.slice(0, 4));
    const m = Number(local.slice(5, 7));
    const d = Number(local.slice(8, 10));
    if (local.length === 10) return Date.UTC(y, m - 1, d, 0, 0);
    if (local.length >= 16 && local[10] === 'T' && local[13] === ':')
      return Date.UTC(y, m - 1, d, Number(local.slice(11, 13)), Number(local.slice(14, 16)));
  }
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

/** Floating milliseconds back to `YYYY-MM-DDTHH:mm`. */
export function formatLocal(floating: number): string {
  return new Date(floating).toISOString().slice(0, 16);
}

/** The UTC instant (ms) of a local wall time in a zone. */
export function localToUtc(local: string | number, zone: string): number {
  const wall = typeof local === 'number' ? local : parseLocal(local);
  // Two passes settle every case: the offset is looked up at a guess, then at the result.
  const first = wall - zoneOffsetAt(wall - zoneOffsetAt(wall, zone), zone);
  const earlier = wall - zoneOffsetAt(first - 3 * 3_600_000, zone);
  // In an ambiguous hour both offsets give the same wall time: take the earlier instant.
  return wallAt(earlier, zone) === wall && earlier < first ? earlier : first;
}

/** The local wall time (`YYYY-MM-DDTHH:mm`) of a UTC instant in a zone. */
export function utcToLocal(instant: number, zone: string): string {
  return formatLocal(wallAt(instant, zone));
}
