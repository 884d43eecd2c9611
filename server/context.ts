import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createDatabase, type Database } from './db/database.ts';
import { createFileStorage, type FileStorage } from './platform/files/index.ts';
import { createJobQueue, type JobQueue, jobQueueStats } from './platform/jobs/index.ts';
import { createMailer, createMailTransport, type Mailer, type MailTransport } from './platform/mail/index.ts';
import { Metrics } from './platform/metrics/index.ts';
import { closePdfBrowser } from './platform/pdf/index.ts';
import { createRateLimiter, type RateLimiter } from './platform/rate-limit/index.ts';
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
  /** Prometheus metrics of this process (served at `/metrics`, see platform/metrics). */
  metrics: Metrics;
  log: Logger;
  /** Checks the mail transport (SMTP) once; logs a warning when it does not answer. */
  verifyMail(): Promise<boolean>;
  /** Stops the job worker, closes the mail transport and the database. */
  close(): Promise<void>;
}

/** Opens the database and wires jobs, mail and rate limits (shared by the server and the CLI). */
export function createContext(config: Config, log: Logger): AppContext {
  const metrics = new Metrics();
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  const database = createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onQuery: (ms, failed) => metrics.observeQuery(dialect, ms, failed),
  });
  const files = createFileStorage(config.storage, config.dataDir);
  const jobs = createJobQueue({
    db: database.db,
    dialect: database.dialect,
    log,
    pollMs: config.jobPollMs,
    onFailure: (kind) => metrics.jobAttemptsFailed.inc({ kind }),
  });
  metrics.readJobStats(() => jobQueueStats({ database }));
  const transport = countingMails(
    createMailTransport({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
      log,
    }),
    metrics,
  );
  const mailer = createMailer(jobs, transport, { url: config.publicUrl, name: config.platformName });
  return {
    config,
    database,
    jobs,
    mailer,
    rateLimiter: createRateLimiter(database.db),
    files,
    realtime: createRealtimeHub(),
    metrics,
    log,
    verifyMail: () => transport.verify(),
    async close() {
      await jobs.stop();
      await closePdfBrowser();
      transport.close();
      files.close();
      await database.destroy();
    },
  };
}

/** The transport, counting mails sent and failed attempts. */
function countingMails(transport: MailTransport, metrics: Metrics): MailTransport {
  return {
    async send(mail) {
      try {
        await transport.send(mail);
      } catch (err) {
        metrics.mailsFailed.inc();
        throw err;
      }
      metrics.mailsSent.inc();
    },
    verify: () => transport.verify(),
    close: () => transport.close(),
  };
}
