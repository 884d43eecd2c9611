import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { isoIn, isoNow } from '../../lib/time.ts';
import type { JobRow } from './jobs.table.ts';

export interface EnqueueOptions {
  runAt?: string;
  maxAttempts?: number;
}

/** Inserts a pending job; it survives restarts until a worker finishes it. */
export async function insertJob(
  db: Kysely<DB>,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const [id] = await insertJobs(db, kind, [payload], options);
  return id as string;
}

/** Inserts pending jobs of one kind in one multi-row statement (per 500); returns their ids in order. */
export async function insertJobs(
  db: Kysely<DB>,
  kind: string,
  payloads: unknown[],
  options: EnqueueOptions = {},
): Promise<string[]> {
  const now = isoNow();
  const rows = payloads.map((payload) => ({
    id: newId(),
    kind,
    payload: JSON.stringify(payload),
    status: 'pending' as const,
    attempts: 0,
    maxAttempts: options.maxAttempts ?? 8,
    runAt: options.runAt ?? now,
    lockedUntil: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('jobs')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return rows.map((r) => r.id);
}

/**
 * Claims one due job (pending and due, or running with an expired lock after a crash) in one
 * statement; on PostgreSQL with SKIP LOCKED so several instances never take the same job.
 */
export async function claimDueJob(
  db: Kysely<DB>,
  dialect: Dialect,
  lockMs: number,
): Promise<JobRow | undefined> {
  const now = isoNow();
  let pick = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('runAt', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
      ]),
    )
    .orderBy('runAt')
    .limit(1);
  if (dialect === 'postgres') pick = pick.forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      lockedUntil: isoIn(lockMs),
      updatedAt: now,
    }))
    .where('id', '=', (eb) => eb.selectFrom(pick.as('due')).select('due.id'))
    .returningAll()
    .executeTakeFirst();
}

/** Marks a job done. */
export async function completeJob(db: Kysely<DB>, id: string): Promise<void> {
  const now = isoNow();
  await db
    .updateTable('jobs')
    .set({ status: 'done', lockedUntil: null, finishedAt: now, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Records a failure: back to pending at `retryAt`, or failed for good when attempts are used up. */
export async function failJob(db: Kysely<DB>, job: JobRow, error: string, retryAt: string): Promise<void> {
  const now = isoNow();
  const final = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'pending',
      runAt: final ? job.runAt : retryAt,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      finishedAt: final ? now : null,
      updatedAt: now,
    })
    .where('id', '=', job.id)
    .execute();
}

/** Lists jobs, newest first, optionally of one kind. */
export async function findJobs(db: Kysely<DB>, kind?: string): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll().orderBy('createdAt', 'desc');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}

/** Counts for the metrics: due pending jobs and failed jobs by kind, and the oldest due job's run time. */
export async function jobCounts(
  db: Kysely<DB>,
  now: string,
): Promise<{
  due: { kind: string; count: number }[];
  failed: { kind: string; count: number }[];
  oldestDue: string | null;
}> {
  const [due, failed, oldest] = await Promise.all([
    db
      .selectFrom('jobs')
      .select((eb) => ['kind', eb.fn.countAll<number | string>().as('count')])
      .where('status', '=', 'pending')
      .where('runAt', '<=', now)
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('jobs')
      .select((eb) => ['kind', eb.fn.countAll<number | string>().as('count')])
      .where('status', '=', 'failed')
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('runAt').as('runAt'))
      .where('status', '=', 'pending')
      .where('runAt', '<=', now)
      .executeTakeFirst(),
  ]);
  const counted = (rows: { kind: string; count: number | string }[]) =>
    rows.map((row) => ({ kind: row.kind, count: Number(row.count) }));
  return { due: counted(due), failed: counted(failed), oldestDue: oldest?.runAt ?? null };
}

/**
 * Jobs an operator should look at: `failed` (attempts used up) or `stuck` (due for longer than
 * `stuckMs`, or running with an expired lock). Mail first, then the most recently changed.
 */
export async function findJobsNeedingAttention(
  db: Kysely<DB>,
  state: 'failed' | 'stuck',
  now: string,
  stuckMs: number,
): Promise<JobRow[]> {
  const dueBefore = new Date(Date.parse(now) - stuckMs).toISOString();
  let query = db.selectFrom('jobs').selectAll();
  query =
    state === 'failed'
      ? query.where('status', '=', 'failed')
      : query.where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('runAt', '<=', dueBefore)]),
            eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
          ]),
        );
  return query
    .orderBy((eb) => eb.case().when('kind', 'like', 'mail.%').then(0).else(1).end())
    .orderBy('updatedAt', 'desc')
    .limit(500)
    .execute();
}

/** Puts a failed or stuck job back in the queue, due now, with fresh attempts; false when there is none. */
export async function requeueJob(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, runAt: now, lockedUntil: null, finishedAt: null, updatedAt: now })
    .where('id', '=', id)
    .where('status', '!=', 'done')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a job that is not done; false when there is none. */
export async function deleteJob(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', '=', id)
    .where('status', '!=', 'done')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
