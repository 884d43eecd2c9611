import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { createPostgresSearch } from './search.postgres.ts';
import { createSqliteSearch } from './search.sqlite.ts';
import type { SearchRepository } from './search.types.ts';

/**
 * The search engine of the configured database. Imports run one way: the types (search.types.ts)
 * and the shared SQL (search.filters.ts) below the two engines, this choice above them.
 */
export function searchRepository(db: Kysely<DB>, dialect: Dialect): SearchRepository {
  return dialect === 'postgres' ? createPostgresSearch(db) : createSqliteSearch(db);
}
