import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { isoIn } from '../../lib/time.ts';
import {
  claimDueJob,
  completeJob,
  type EnqueueOptions,
  failJob,
  insertJob,
  insertJobs,
} from './jobs.repository.ts';
import type { JobRow } from './jobs.table.ts';

export type JobHandler = (payload: unknown, job: JobRow) => Promise<void>;

export interface JobQueue {
  /** Registers the handler for one kind of job. */
  handle(kind: string, handler: JobHandler): void;
  /** Stores a job and wakes the local worker. */
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Stores jobs of one kind in one statement (a fan-out's mail or pushes) and wakes the local worker. */
  enqueueMany(kind: string, payloads: unknown[], options?: EnqueueOptions): Promise<string[]>;
  /** Runs every job that is due now, then returns how many ran (tests and the CLI use it). */
  drain(): Promise<number>;
  /** Starts polling in the background. */
  start(): void;
  /** Stops polling and waits for the job in progress to finish. */
  stop(): Promise<void>;
}

const LOCK_MS = 5 * 60_000;

/** Delay before retry n (1-based): 15 s, 30 s, 1 min, … capped at one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

/** A small DB-backed job queue with retries and exponential backoff. */
export function createJobQueue(options: {
  db: Kysely<DB>;
  dialect: Dialect;
  log: Logger;
  pollMs: number;
  /** Called after each failed attempt (metrics). */
  onFailure?: (kind: string) => void;
}): JobQueue {
  const { db, dialect, log, pollMs, onFailure } = options;
  const handlers = new Map<string, JobHandler>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  async function runOne(): Promise<boolean> {
    const job = await claimDueJob(db, dialect, LOCK_MS);
    if (!job) return false;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), job);
      await completeJob(db, job.id);
      log.debug({ jobId: job.id, kind: job.kind }, 'job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      onFailure?.(job.kind);
      await failJob(db, job, message, isoIn(backoffMs(job.attempts)));
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
    }
    return true;
  }

  async function drain(): Promise<number> {
    let count = 0;
    while (await runOne()) count++;
    return count;
  }

  async function pollLoop(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (err) {
        log.error({ err }, 'job worker error');
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  }

  return {
    handle(kind, handler) {
      handlers.set(kind, handler);
    },
    async enqueue(kind, payload, enqueueOptions) {
      const id = await insertJob(db, kind, payload, enqueueOptions);
      wakeUp?.();
      return id;
    },
    async enqueueMany(kind, payloads, enqueueOptions) {
      if (payloads.length === 0) return [];
      const ids = await insertJobs(db, kind, payloads, enqueueOptions);
      wakeUp?.();
      return ids;
    },
    drain,
    start() {
      if (running) return;
      running = true;
      loop = pollLoop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
}
