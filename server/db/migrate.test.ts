import { describe, expect, it } from 'vitest';
import { createDatabase } from './database.ts';
import { explainMissingDatabase, migrateToLatest } from './migrate.ts';

const postgresUrl = process.env.TEST_DATABASE_URL;

describe('a DATABASE_URL naming a database that does not exist', () => {
  it.skipIf(!(process.env.TEST_DIALECTS ?? '').includes('postgres') || !postgresUrl)(
    'says which database is missing and how to create it',
    async () => {
      const url = new URL(postgresUrl ?? '');
      url.pathname = '/mentornet_no_such_database';
      const database = createDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
      try {
        const error = await migrateToLatest(database.db).then(
          () => undefined,
          (err: unknown) => err as Error,
        );
        expect(error?.message).toContain(
          'The PostgreSQL database mentornet_no_such_database named in DATABASE_URL does not exist',
        );
        expect(error?.message).toContain('createdb mentornet_no_such_database');
        expect(error?.message).toContain('CREATE DATABASE "mentornet_no_such_database";');
        expect(error?.message).not.toContain('Migration unknown failed');
      } finally {
        await database.destroy();
      }
    },
  );

  it('leaves every other error as it is', () => {
    expect(explainMissingDatabase(new Error('connection refused'))).toBeUndefined();
    const quoted = explainMissingDatabase(
      Object.assign(new Error('database "odd name" does not exist'), { code: '3D000' }),
    );
    expect(quoted?.message).toContain(`createdb 'odd name'`);
  });
});
