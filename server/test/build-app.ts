import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type BuildAppOptions, buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, createContext } from '../context.ts';
import type { Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';

/** The dialects route tests loop over: `TEST_DIALECTS=sqlite,postgres` (PostgreSQL needs TEST_DATABASE_URL). */
export const DIALECTS: Dialect[] = (process.env.TEST_DIALECTS ?? 'sqlite')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

export const TEST_ORIGIN = 'http://mentornet.test';

export interface TestDatabase {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a temp SQLite dir, or a throwaway PostgreSQL database. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mentornet-test-'));
  if (dialect === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DIALECTS includes postgres but TEST_DATABASE_URL is not set');
  const name = `mentornet_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), PUBLIC_URL: TEST_ORIGIN },
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Builds the app on a fresh, migrated database with cheap password hashing and silent logs. */
export async function buildTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({
    PASSWORD_HASH_COST: 'low',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: TEST_ORIGIN,
    ...database.env,
    ...env,
  });
  const ctx = createContext(config, createLogger(config));
  await migrateToLatest(ctx.database.db);
  const app = await buildApp(ctx, { checkResponses: true, ...options });
  return {
    app,
    ctx,
    database,
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
