import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag of a body (bytes or text). */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether the request's If-None-Match names the ETag (the client's copy is current). */
export function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const wanted = request.headers['if-none-match'];
  if (!wanted) return false;
  const weakless = (tag: string) => tag.trim().replace(/^W\//, '');
  return wanted.split(',').some((tag) => tag.trim() === '*' || weakless(tag) === weakless(etag));
}

/**
 * Answers a read that caches may keep: Cache-Control as given and an ETag of the JSON, and a 304
 * without body when the client's copy is current.
 */
export function answerWithEtag<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  value: T,
  cacheControl: string,
): T | FastifyReply {
  const etag = `W/${etagOf(JSON.stringify(value))}`;
  reply.header('cache-control', cacheControl).header('etag', etag);
  if (matchesEtag(request, etag)) return reply.code(304).send();
  return value;
}
