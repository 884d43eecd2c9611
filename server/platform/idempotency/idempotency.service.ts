import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { DAY, isoNow, MINUTE } from '../../lib/time.ts';
import {
  claimKey,
  deleteExpiredKeys,
  findKey,
  reclaimKey,
  releaseKey,
  storeAnswer,
} from './idempotency.repository.ts';

/** How long a key is remembered: a client retries within minutes, a phone offline for a day at most. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY;
/** A claim without an answer after this long was left by a request that never finished. */
export const IDEMPOTENCY_CLAIM_STALE_MS = MINUTE;
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** For the OpenAPI description of the routes that take the header. */
export const IDEMPOTENCY_NOTE =
  'Send an `Idempotency-Key` header (8–200 visible ASCII characters, e.g. a UUID) to make a retry safe: ' +
  'the same key with the same request within a day answers with the first answer (marked ' +
  '`Idempotent-Replayed: true`) instead of creating a second one; the same key with another request ' +
  'is refused with IDEMPOTENCY_KEY_REUSED, a repeat while the first is still handled with ' +
  'IDEMPOTENCY_KEY_IN_USE (try again shortly). Keys are per user.';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** What a create route answers: its status and the presented body. */
export interface IdempotentAnswer {
  status: number;
  body: unknown;
}

/** The request's `Idempotency-Key` header (8–200 visible ASCII characters), if it sent one. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new AppError('VALIDATION_FAILED', 400, [
      {
        path: ['Idempotency-Key'],
        code: 'invalid',
        message: 'Idempotency-Key: 8 to 200 visible ASCII characters',
      },
    ]);
  }
  return value;
}

/**
 * Stores a request's answer inside the transaction that makes its write, as the last step before
 * the commit: the write and its answer are committed together or not at all.
 */
export type RecordAnswer = (tx: { database: Database }, answer: IdempotentAnswer) => Promise<void>;

/**
 * Handles a create request at most once per user and idempotency key: the first request runs
 * `handle` and its answer is stored; a repeat of it (same key, same request) gets the stored answer
 * without running anything, marked `replayed`. The same key with another request is refused
 * (IDEMPOTENCY_KEY_REUSED), and so is a repeat while the first is still being handled
 * (IDEMPOTENCY_KEY_IN_USE: the client tries again shortly). A request that fails gives its key
 * back, so that the client can try again once the cause is gone. Without a key, `handle` just runs.
 *
 * `handle` passes its answer to `recordAnswer` inside the transaction of its write. A process that
 * dies before that commit leaves a claim without an answer and nothing written (a retry takes the
 * claim over once stale and writes once); one that dies after it leaves both (a retry gets the
 * answer). A `handle` that wrote nothing (the request was already done) may skip it: its answer is
 * then stored after it returns.
 */
export async function runIdempotent(
  ctx: { database: Database },
  request: { userId: string; key: string | undefined; scope: string; path: string; body: unknown },
  handle: (recordAnswer: RecordAnswer) => Promise<IdempotentAnswer>,
  now: () => number = Date.now,
): Promise<IdempotentAnswer & { replayed: boolean }> {
  const { userId, key, scope } = request;
  if (key === undefined) return { ...(await handle(async () => {})), replayed: false };
  const { db } = ctx.database;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([scope, request.path, request.body]))
    .digest('base64url');
  await deleteExpiredKeys(db, isoNow(now() - IDEMPOTENCY_KEY_TTL_MS), userId);
  if (Math.random() < 0.01) await deleteExpiredKeys(db, isoNow(now() - IDEMPOTENCY_KEY_TTL_MS), null);

  // Two rounds: a first request that failed meanwhile gives the key back.
  for (let round = 0; round < 2; round += 1) {
    const claim = { userId, key, claimedAt: isoNow(now()) };
    const claimed = await claimKey(db, { userId, key, scope, fingerprint, createdAt: claim.claimedAt });
    if (!claimed) {
      const row = await findKey(db, userId, key);
      if (!row) continue;
      if (row.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED', 409);
      if (row.statusCode !== null && row.responseBody !== null) {
        return { status: row.statusCode, body: JSON.parse(row.responseBody), replayed: true };
      }
      const stale = Date.parse(row.createdAt) < now() - IDEMPOTENCY_CLAIM_STALE_MS;
      if (!stale || !(await reclaimKey(db, userId, key, row.createdAt, claim.claimedAt))) {
        throw new AppError('IDEMPOTENCY_KEY_IN_USE', 409);
      }
    }
    let recorded = false;
    const recordAnswer: RecordAnswer = async (tx, answer) => {
      if (!tx.database.db.isTransaction)
        throw new Error('recordAnswer belongs inside the transaction of the write');
      // A claim taken over meanwhile (this request ran past the stale time): its write must not stay.
      if (!(await storeAnswer(tx.database.db, claim, serialised(answer)))) {
        throw new AppError('IDEMPOTENCY_KEY_IN_USE', 409);
      }
      recorded = true;
    };
    try {
      const answer = await handle(recordAnswer);
      if (!recorded) await storeAnswer(db, claim, serialised(answer));
      return { ...answer, replayed: false };
    } catch (error) {
      // Gives back only an unanswered claim: an answer committed with the write stays for the retry.
      await releaseKey(db, claim);
      throw error;
    }
  }
  throw new AppError('IDEMPOTENCY_KEY_IN_USE', 409);
}

function serialised(answer: IdempotentAnswer) {
  return { statusCode: answer.status, responseBody: JSON.stringify(answer.body) };
}

/** Sends an idempotent answer; a replayed one says so in `Idempotent-Replayed: true`. */
export function sendIdempotent(reply: FastifyReply, answer: IdempotentAnswer & { replayed: boolean }) {
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(answer.status).send(answer.body);
}
