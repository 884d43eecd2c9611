import type { FastifyReply } from 'fastify';
import type { ServedFile } from './storage.ts';

/**
 * Answers a download: the bytes (from disk or streamed from S3, with the headers the route set
 * and the length), or a redirect to a short-lived signed URL that must not be cached longer.
 */
export function sendFile(reply: FastifyReply, file: ServedFile): FastifyReply {
  if (file.kind === 'redirect') {
    return reply.header('cache-control', 'private, no-store').redirect(file.url, 302);
  }
  return reply.header('content-length', file.size).send(file.body);
}
