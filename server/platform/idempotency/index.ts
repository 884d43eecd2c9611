export {
  IDEMPOTENCY_CLAIM_STALE_MS,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_TTL_MS,
  IDEMPOTENCY_NOTE,
  type IdempotentAnswer,
  type RecordAnswer,
  idempotencyKeyOf,
  runIdempotent,
  sendIdempotent,
} from './idempotency.service.ts';
