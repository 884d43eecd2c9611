import type { Migration } from 'kysely';
import * as createUsers from './2026-11-27T0600-create-users.ts';
import * as createSessions from './2026-11-27T0601-create-sessions.ts';
import * as createUserTokens from './2026-11-27T0602-create-user-tokens.ts';
import * as createRateLimits from './2026-11-27T0603-create-rate-limits.ts';
import * as createJobs from './2026-11-27T0604-create-jobs.ts';

/** Every migration, by its frozen name; new ones are appended (names sort by time). */
export const migrations: Record<string, Migration> = {
  '2026-11-27T0600-create-users': createUsers,
  '2026-11-27T0601-create-sessions': createSessions,
  '2026-11-27T0602-create-user-tokens': createUserTokens,
  '2026-11-27T0603-create-rate-limits': createRateLimits,
  '2026-11-27T0604-create-jobs': createJobs,
};
