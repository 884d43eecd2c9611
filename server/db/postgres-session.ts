import type Pg from 'pg';

/**
 * Settings of every pooled PostgreSQL connection.
 *
 * What PostgreSQL does with the session of a server process that died. A process killed while its
 * connection is idle (in a transaction or not) is noticed at once: its socket closes, the backend
 * ends and its locks go. One killed while its statement runs is not: the backend runs the statement
 * to its end, holding the transaction's row locks, and every request that needs those rows waits
 * (an `update` behind a killed process busy in an 8-second statement waited 7.6 s; with the check
 * below 0.5 s). A client whose host is gone sends no close at all.
 *
 * - `client_connection_check_interval` (PostgreSQL 14+; skipped on older servers): a running
 *   statement checks every second that its client is still there and ends when it is not.
 * - `tcp_keepalives_*`: a client whose host vanished is found gone within about 25 s.
 * - `idle_in_transaction_session_timeout`: a transaction left open without a statement for a
 *   minute ends (the platform's transactions take milliseconds; a minute is a process that hangs).
 *
 * And one setting for statements of a few milliseconds: `jit = off`. PostgreSQL compiles a
 * statement whose estimated cost passes `jit_above_cost` to machine code first, and the estimate of
 * a statement with a subquery per row passes it easily: the unread counts of a reply's 48
 * recipients ran 11 ms and compiled 10–22 ms before it.
 *
 * And `timezone = UTC`, whatever the server's default: timestamps are stored and compared as
 * instants either way, but PostgreSQL writes them out in the session's zone, and in UTC the driver
 * turns them into the application's ISO strings without parsing a Date (see postgres-driver.ts).
 */
export const SESSION_SETTINGS = `do $$
begin
  perform set_config('jit', 'off', false);
  perform set_config('timezone', 'UTC', false);
  perform set_config('idle_in_transaction_session_timeout', '60s', false);
  perform set_config('tcp_keepalives_idle', '10', false);
  perform set_config('tcp_keepalives_interval', '5', false);
  perform set_config('tcp_keepalives_count', '3', false);
  begin
    perform set_config('client_connection_check_interval', '1s', false);
  exception when undefined_object then null;
  end;
end $$`;

/** Applies SESSION_SETTINGS to each new connection of the pool, before its first use. */
export function applySessionSettings(pool: Pg.Pool): void {
  pool.on('connect', (client) => {
    client
      .query(SESSION_SETTINGS)
      .catch((err: Error) => console.error(`PostgreSQL session settings not applied: ${err.message}`));
  });
}
