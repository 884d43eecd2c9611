import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counters in the database, so limits hold across restarts and across instances.
 */
export function createRateLimiter(db: Kysely<DB>, now: () => number = Date.now) {
  function windowOf(rule: RateRule) {
    const start = Math.floor(now() / rule.windowMs) * rule.windowMs;
    return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + rule.windowMs - now()) / 1000)) };
  }

  function limited(retryAfterSeconds: number): AppError {
    return new AppError(
      'RATE_LIMITED',
      429,
      { retryAfterSeconds },
      { minutes: Math.ceil(retryAfterSeconds / 60) },
    );
  }

  /** Counts one attempt; returns the window's retry time when the limit is now passed. */
  async function count(key: string, rule: RateRule): Promise<number | undefined> {
    const window = windowOf(rule);
    const row = await db
      .insertInto('rateLimits')
      .values({ key, windowStart: window.start, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'windowStart']).doUpdateSet((eb) => ({ hits: eb('rateLimits.hits', '+', 1) })),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (Math.random() < 0.01) {
      await db
        .deleteFrom('rateLimits')
        .where('windowStart', '<', now() - 86_400_000)
        .execute();
    }
    return row.hits > rule.limit ? window.retryAfterSeconds : undefined;
  }

  return {
    count,
    /** Counts one attempt and throws RATE_LIMITED once the limit is passed. */
    async hit(key: string, rule: RateRule): Promise<void> {
      const retryAfterSeconds = await count(key, rule);
      if (retryAfterSeconds !== undefined) throw limited(retryAfterSeconds);
    },
    /** Throws RATE_LIMITED when the limit is already reached, without counting. */
    async check(key: string, rule: RateRule): Promise<void> {
      const window = windowOf(rule);
      const row = await db
        .selectFrom('rateLimits')
        .select('hits')
        .where('key', '=', key)
        .where('windowStart', '=', window.start)
        .executeTakeFirst();
      if (row && row.hits >= rule.limit) throw limited(window.retryAfterSeconds);
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
