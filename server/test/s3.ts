import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type BuildAppOptions, buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, createContext } from '../context.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { TEST_ORIGIN, type TestDatabase } from './build-app.ts';

export interface TestS3 {
  /** The S3_* variables that point the platform at this server's bucket. */
  env: Record<string, string>;
  endpoint: string;
  close(): Promise<void>;
}

/** A real S3-compatible server (s3rver) on a free local port, with a fresh bucket. */
export async function startS3(
  bucket = `mentornet-${Math.random().toString(36).slice(2, 10)}`,
): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'mentornet-s3-'));
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  client.destroy();
  return {
    env,
    endpoint,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Starts an S3 server for the file's tests and stops it after them. */
export function useS3(): () => TestS3 {
  let s3: TestS3 | undefined;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3?.close());
  return () => {
    if (!s3) throw new Error('the S3 server is not started yet');
    return s3;
  };
}

export interface Instance {
  app: Awaited<ReturnType<typeof buildApp>>;
  ctx: AppContext;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * One more app instance on an existing test database (migrated if need be), with a data directory of its
 * own: what a second server of the same platform sees.
 */
export async function buildInstance(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mentornet-instance-'));
  const config = loadConfig({
    PASSWORD_HASH_COST: 'low',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: TEST_ORIGIN,
    JOB_WORKER: 'off',
    ...database.env,
    DATA_DIR: dataDir,
    ...env,
  });
  const ctx = createContext(config, createLogger(config));
  await migrateToLatest(ctx.database.db);
  const app = await buildApp(ctx, { checkResponses: true, ...options });
  return {
    app,
    ctx,
    dataDir,
    async close() {
      await app.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
