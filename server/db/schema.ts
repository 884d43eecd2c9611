import type { RateLimitsTable, SessionsTable, UserTokensTable } from '../modules/auth/auth.table.ts';
import type { JobsTable } from '../modules/jobs/jobs.table.ts';
import type { UsersTable } from '../modules/users/users.table.ts';

/** The whole database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case). */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  userTokens: UserTokensTable;
  rateLimits: RateLimitsTable;
  jobs: JobsTable;
}
