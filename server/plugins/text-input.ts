import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.ts';

/**
 * One check at the edge for every string a client sends: no NUL character (U+0000). PostgreSQL
 * cannot store it in text and refuses the whole statement, SQLite would store it; no form needs it.
 * Both databases answer the same way: 400 INVALID_CHARACTER before any route runs.
 *
 * The path and query are checked on the raw URL (a NUL can only arrive there percent-encoded),
 * JSON bodies once parsed (keys and values, at any depth). Upload routes read their parts
 * themselves and check names and fields with `hasNul`.
 */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.includes('%00')) {
      sendError(request, reply, 400, 'INVALID_CHARACTER');
      return;
    }
    done();
  });
  app.addHook('preValidation', (request, reply, done) => {
    const body = request.body;
    if (body !== null && typeof body === 'object' && hasNul(body)) {
      sendError(request, reply, 400, 'INVALID_CHARACTER');
      return;
    }
    done();
  });
}

/** Whether a string, or any key or string inside an object or array, holds a NUL character. */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasNul(item, depth + 1)) return true;
    return false;
  }
  if (Buffer.isBuffer(value)) return false;
  for (const key in value) {
    if (key.includes('\u0000')) return true;
    if (hasNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
