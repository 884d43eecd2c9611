import { createRequire } from 'node:module';
import type Pg from 'pg';

let driver: typeof Pg | undefined;

/**
 * The PostgreSQL driver, loaded on first use: a server on SQLite (the default) never needs it, and
 * loading it costs every server process time at each start.
 */
export function postgresDriver(): typeof Pg {
  if (!driver) {
    driver = createRequire(import.meta.url)('pg') as typeof Pg;
    // PostgreSQL answers timestamptz and bigint in the same shapes SQLite stores: ISO strings and numbers.
    driver.types.setTypeParser(1184, isoTimestamp);
    driver.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
    driver.types.setTypeParser(20, (v) => Number(v));
  }
  return driver;
}

/** A timestamptz as PostgreSQL writes it in UTC (the sessions' time zone): `2026-12-07 19:24:52.258765+00`. */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as an ISO string with milliseconds, as `new Date(v).toISOString()` gives it (the
 * fraction cut to milliseconds). In UTC it is rewritten as text, about six times as fast as parsing
 * a Date: a page of 30 messages has 30–90 of them. Any other form goes through Date.
 */
export function isoTimestamp(value: string): string {
  const parts = UTC_TIMESTAMP.exec(value);
  if (!parts) return new Date(value).toISOString();
  const fraction = parts[3] === undefined ? '000' : parts[3].padEnd(3, '0').slice(0, 3);
  return `${parts[1]}T${parts[2]}.${fraction}Z`;
}
