/** Timestamps are ISO-8601 UTC strings in both dialects: sortable as text on SQLite, timestamptz on PostgreSQL. */
export function isoNow(now = Date.now()): string {
  return new Date(now).toISOString();
}

export function isoIn(ms: number, now = Date.now()): string {
  return new Date(now + ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
