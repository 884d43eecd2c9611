import type { Selectable } from 'kysely';

export interface IdempotencyKeysTable {
  userId: string;
  /** The client's `Idempotency-Key` header. */
  key: string;
  /** Which kind of request the key was used for, e.g. `discussions.reply`. */
  scope: string;
  /** A hash of the request (scope, path, body): the same key with another request is refused. */
  fingerprint: string;
  /** The answer's status; null while the first request is still being handled. */
  statusCode: number | null;
  /** The answer's body as JSON. */
  responseBody: string | null;
  createdAt: string;
}
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
