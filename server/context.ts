import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createDatabase, type Database } from './db/database.ts';
import { createFileStorage, type FileStorage } from './platform/files/index.ts';
import { createRateLimiter, type RateLimiter } from './platform/rate-limit/index.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/index.ts';
import { createMailer, type Mailer } from './platform/mail/index.ts';
import { createMailTransport } from './platform/mail/index.ts';
import { createRealtimeHub, type RealtimeHub } from './platform/realtime/index.ts';

/** What services need from the running platform; no HTTP in here. */
export interface AppContext {
  config: Config;
  database: Database;
  jobs: JobQueue;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  /** Uploaded files (avatars, attachments): the data directory or an S3-compatible bucket. */
  files: FileStorage;
  /** Realtime events to connected clients (in-process; across instances when a transport is attached). */
  realtime: RealtimeHub;
  log: Logger;
  /** Stops the job worker, closes the mail transport and the database. */
  close(): Promise<void>;
}

/** Opens the database and wires jobs, mail and rate limits (shared by the server and the CLI). */
export function createContext(config: Config, log: Logger): AppContext {
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const jobs = createJobQueue({ db: database.db, dialect: database.dialect, log, pollMs: config.jobPollMs });
  const transport = createMailTransport({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, 'outbox'),
    log,
  });
  const files = createFileStorage(config.storage, config.dataDir);
  const mailer = createMailer(jobs, transport, { url: config.publicUrl, name: config.platformName });
  return {
    config,
    database,
    jobs,
    mailer,
    rateLimiter: createRateLimiter(database.db),
    files,
    realtime: createRealtimeHub(),
    log,
    async close() {
      await jobs.stop();
      transport.close();
      files.close();
      await database.destroy();
    },
  };
}
