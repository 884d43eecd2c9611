import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';

/** Every upload route takes one file in this multipart field. */
export const UPLOAD_FIELD = 'file';

/** Enables multipart parsing in one route scope only, for one file of at most `maxMb`. */
export async function registerUploads(scope: FastifyInstance, maxMb: number): Promise<void> {
  await scope.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
}

/** The name and bytes of the `file` part: 400 when it is missing, 413 FILE_TOO_LARGE above `maxMb`. */
export async function readUpload(
  request: FastifyRequest,
  maxMb: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file();
  } catch (error) {
    throw incomplete(error);
  }
  if (!part || part.fieldname !== UPLOAD_FIELD) {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: [UPLOAD_FIELD], code: 'required', message: translate(request.locale, 'validation.required') },
    ]);
  }
  const tooLarge = () => new AppError('FILE_TOO_LARGE', 413, undefined, { maxMb });
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw incomplete(error);
  }
  // Over a real socket the limit can strike after the last chunk, and toBuffer then returns the
  // cut-off bytes without throwing; a truncated upload must never be taken for the whole file.
  if (part.file.truncated) throw tooLarge();
  // A NUL cannot be stored by PostgreSQL: the same answer as for any other string input.
  if (part.filename.includes('\u0000')) throw new AppError('INVALID_CHARACTER', 400);
  return { fileName: part.filename, bytes };
}

/**
 * A body that ends before its closing boundary (a dropped connection, a broken client) is the
 * client's fault: 400 UPLOAD_INCOMPLETE. Anything else stays what it is.
 */
function incomplete(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (/terminated early|Unexpected end of (form|multipart)|Malformed part header/i.test(message)) {
    return new AppError('UPLOAD_INCOMPLETE', 400);
  }
  return error;
}
