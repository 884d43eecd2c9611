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
    driver.types.setTypeParser(1184, (v) => new Date(v).toISOString());
    driver.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
    driver.types.setTypeParser(20, (v) => Number(v));
  }
  return driver;
}
