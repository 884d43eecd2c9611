import { AppError } from '../../errors.ts';

const WINDOW_MS = 60_000;

/**
 * A fixed-window limit on public directory reads, kept in memory. The app's other limits
 * (sign-in, mail) count in the database so that they hold across instances; a public read must
 * answer within milliseconds and is harmless to repeat, so a database write per read is not worth
 * it here: the limit is per process, and the counters of one minute are all it keeps.
 */
export function createPublicReadLimit(limit: number, now: () => number = Date.now) {
  let windowStart = 0;
  let hits = new Map<string, number>();
  return {
    /** Counts one read of `address`; throws RATE_LIMITED once the limit is passed. */
    hit(address: string): void {
      if (limit === 0) return;
      const start = Math.floor(now() / WINDOW_MS) * WINDOW_MS;
      if (start !== windowStart) {
        windowStart = start;
        hits = new Map();
      }
      const count = (hits.get(address) ?? 0) + 1;
      hits.set(address, count);
      if (count > limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now()) / 1000));
        throw new AppError('RATE_LIMITED', 429, { retryAfterSeconds }, { minutes: 1 });
      }
    },
  };
}
